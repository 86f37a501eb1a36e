/**
 * The first `words` words of `text` as a slug for a generated id: lower case,
 * letters and digits joined by single dashes ("Around 10,000 troops" with 2
 * words is "around-10"). Empty when the text has no letter or digit.
 */
export function idWords(text: string, words: number): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, words)
    .join('-');
}
