/**
 * Text helpers shared by the extraction rules: folding for comparison, and
 * word spans with offsets.
 */

/** A span of the report: offsets into the whole text, half-open. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Folds text for comparison: lower case, curly apostrophes and quotes made
 * straight, dots and hyphens dropped ("U.S." and "US" fold alike), spaces
 * collapsed. Used for matching names, never for output.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\./g, '')
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A folded description without a leading article ("a U.S. envoy" → "us envoy"). */
export function foldDescription(text: string): string {
  return fold(text).replace(/^(?:a|an|the)\s+/, '');
}

export interface Word extends Span {
  readonly text: string;
}

const WORD = /[\p{L}\p{N}]+(?:[.’'-][\p{L}\p{N}]+)*\.?/gu;

/** The words of `text` between `start` and `end`, with offsets into the whole text. */
export function wordsIn(text: string, start = 0, end = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    let word = m[0];
    // A sentence-final period is not part of the word, unless the word is an abbreviation like "U.S.".
    if (word.endsWith('.') && !/\.\p{L}\.$/u.test(word) && !/^\p{Lu}\.$/u.test(word))
      word = word.slice(0, -1);
    words.push({ text: word, start: m.index, end: m.index + word.length });
  }
  return words;
}

/** Trims whitespace and the given punctuation from both ends of a span. */
export function trimSpan(text: string, span: Span, punctuation = ' \t\n,;:'): Span {
  let { start, end } = span;
  while (start < end && punctuation.includes(text[start])) start++;
  while (end > start && punctuation.includes(text[end - 1])) end--;
  return { start, end };
}

/** Counts words the way editors do: runs of letters or digits. */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** A lower-case slug for ids: letters and digits joined by single dashes. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'item';
}
