/**
 * Sentences and their character spans.
 *
 * Each non-empty line is a paragraph; a short line without final punctuation
 * is a heading. Within a paragraph, a sentence ends at . ! or ? (with any
 * closing quotation mark) before whitespace and a capital letter or an
 * opening quotation mark, unless the word before the full stop is a known
 * abbreviation ("U.S.", "Dr.") or an initial.
 */
import type { PlanSentence } from '../plan';

const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'gen',
    'lt',
    'col',
    'maj',
    'capt',
    'sgt',
    'adm',
    'sen',
    'rep',
    'gov',
    'pres',
    'st',
    'jr',
    'sr',
    'no',
    'vs',
    'etc',
    'inc',
    'ltd',
    'co',
    'corp',
    'dept',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'approx',
    'est',
  ].map((a) => a),
);

/** True when the full stop at `dot` closes an abbreviation rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[1];
  // Dotted abbreviations ("U.S", "a.m") and single initials ("J").
  if (/\p{L}\.\p{L}/u.test(word) || /^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

const HEADING_MAX_WORDS = 12;

/** Splits a report into sentences with offsets; headings and boilerplate are marked as headings. */
export function splitSentences(text: string): PlanSentence[] {
  const sentences: PlanSentence[] = [];
  let paragraph = -1;
  const lines = /[^\r\n]+/g;
  for (let line = lines.exec(text); line; line = lines.exec(text)) {
    const lineStart = line.index;
    const lineText = line[0];
    if (lineText.trim() === '') continue;
    paragraph++;
    const trimmed = lineText.trim();
    const words = trimmed.split(/\s+/).length;
    const heading =
      (words <= HEADING_MAX_WORDS && !/[.!?:,;]["”’)]?$/.test(trimmed)) ||
      // The first line of a report is its headline when it has no final full stop.
      (sentences.length === 0 && !/[.!?,]["”’)]?$/.test(trimmed)) ||
      /\.\.\.$|…$/.test(trimmed);
    if (heading) {
      const start = lineStart + lineText.indexOf(trimmed);
      sentences.push({
        index: sentences.length,
        start,
        end: start + trimmed.length,
        text: trimmed,
        paragraph,
        heading: true,
      });
      continue;
    }
    let from = 0;
    const boundary = /[.!?]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
    const cut = (to: number) => {
      const piece = lineText.slice(from, to);
      const lead = piece.length - piece.trimStart().length;
      const body = piece.trim();
      if (body) {
        const start = lineStart + from + lead;
        sentences.push({
          index: sentences.length,
          start,
          end: start + body.length,
          text: body,
          paragraph,
          heading: false,
        });
      }
      from = to;
    };
    for (let m = boundary.exec(lineText); m; m = boundary.exec(lineText)) {
      const dot = m.index;
      if (lineText[dot] === '.' && m[0] === '.' && isAbbreviation(lineText, dot)) continue;
      cut(dot + m[0].length);
    }
    cut(lineText.length);
  }
  return sentences;
}
