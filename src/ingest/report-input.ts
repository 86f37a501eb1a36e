/**
 * Checks and normalises a report before anything reads it. Refuses what the
 * extractor cannot honestly work with (empty, too large, binary, HTML, a date
 * that is not ISO-8601) with an `IngestInputError` naming the field, so the
 * API can answer BAD_USER_INPUT and the CLI can print one line. Nothing here
 * touches the graph.
 */
import { createHash } from 'node:crypto';
import type { ReportInput } from './plan';

/** Default for `INGEST_MAX_BYTES`: 200 kB of UTF-8, about 30,000 words. */
export const DEFAULT_INGEST_MAX_BYTES = 200_000;

/** Refused input: `field` names the offending field ("input.text", "corrections.drop[2]"). */
export class IngestInputError extends Error {
  override readonly name = 'IngestInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A report that passed the checks, with its text normalised and hashed. */
export interface CheckedReport extends ReportInput {
  readonly text: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  /** SHA-256 (hex) of the normalised text. */
  readonly contentHash: string;
}

export interface ReportLimits {
  /** Largest accepted text, in UTF-8 bytes. */
  readonly maxBytes: number;
}

// Control characters other than tab, line feed, form feed and carriage return
// do not occur in prose; U+FFFD is what a decoder leaves of bytes that were not text.
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/;
// Markup that a copy from a web page leaves behind. A lone "<" in prose ("fewer than <5") does not match.
const HTML =
  /<\/?(?:html|head|body|div|span|p|br|a|b|i|em|strong|h[1-6]|ul|ol|li|table|tr|td|img|meta|link|script|style|article|section|header|footer|figure|blockquote)\b[^>]*>|<!doctype\s+html|<!--/i;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

/**
 * The text as the graph stores and hashes it: Unicode NFC, `\n` line ends,
 * no byte-order mark, no trailing spaces on lines, no blank lines around it.
 * Two copies of a report that differ only in these ways get the same hash.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** SHA-256 (hex) of already normalised text. */
export function contentHashOf(normalisedText: string): string {
  return createHash('sha256').update(normalisedText, 'utf8').digest('hex');
}

/** Checks a strict ISO-8601 date (YYYY-MM-DD) or date-time with a zone ("2024-11-01T09:30:00Z"). */
export function checkIsoDateTime(field: string, value: string): string {
  const match = ISO_DATE_TIME.exec(value);
  const [year, month, day] = match
    ? [Number(match[1]), Number(match[2]), Number(match[3])]
    : [0, 0, 0];
  if (
    !match ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > new Date(Date.UTC(year, month, 0)).getUTCDate()
  ) {
    throw new IngestInputError(
      field,
      `"${value.slice(0, 40)}" is not an ISO-8601 date; use YYYY-MM-DD or a date-time with a zone such as 2024-11-01T09:30:00Z.`,
    );
  }
  return value;
}

function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (trimmed.length > max)
    throw new IngestInputError(field, `must be at most ${max} characters; got ${trimmed.length}.`);
  if (BINARY.test(trimmed))
    throw new IngestInputError(field, 'contains control characters; send plain text.');
  return trimmed;
}

/**
 * Checks a report and returns it normalised. Throws `IngestInputError` for
 * the first problem found, naming the field under `prefix` ("input").
 */
export function checkReport(
  input: ReportInput,
  limits: ReportLimits,
  prefix = 'input',
): CheckedReport {
  const field = (name: string) => `${prefix}.${name}`;
  const raw = input.text;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new IngestInputError(
      field('text'),
      "must not be empty or only whitespace; paste the report's text.",
    );
  }
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > limits.maxBytes) {
    throw new IngestInputError(
      field('text'),
      `is ${bytes} bytes; the limit is ${limits.maxBytes} (INGEST_MAX_BYTES). Split the report or raise the limit.`,
    );
  }
  if (BINARY.test(raw)) {
    const at = raw.search(BINARY);
    throw new IngestInputError(
      field('text'),
      `looks binary: it contains a NUL, control or undecodable character at offset ${at}. Send the report as UTF-8 plain text.`,
    );
  }
  if (HTML.test(raw)) {
    throw new IngestInputError(
      field('text'),
      "looks like HTML (it contains markup such as <p> or <div>). Send the article's plain text, without tags.",
    );
  }
  const url = optionalText(field('url'), input.url, 2000);
  if (url !== null && !/^https?:\/\/\S+$/i.test(url)) {
    throw new IngestInputError(field('url'), 'must be an absolute http(s) URL.');
  }
  const publishedAt = optionalText(field('publishedAt'), input.publishedAt, 40);
  const text = normaliseText(raw);
  return {
    text,
    title: optionalText(field('title'), input.title, 300),
    publisher: optionalText(field('publisher'), input.publisher, 200),
    url,
    publishedAt: publishedAt === null ? null : checkIsoDateTime(field('publishedAt'), publishedAt),
    contentHash: contentHashOf(text),
  };
}
