/**
 * Direct quotations: spans between curly (“…”) or straight ("…") marks.
 *
 * The quoted words are kept exactly, without the marks. The comma a report
 * puts inside the closing mark to join the quote to its attribution is left
 * out; a full stop, question or exclamation mark that ends the speaker's own
 * sentence is kept (the seed's convention).
 */
import type { PlanSentence } from '../plan';
import type { Span } from './text';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just after the closing mark. */
  readonly close: number;
  /** The quoted words as kept: offsets of the kept text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A whole utterance (a clause of its own), not a phrase inside narration. */
  readonly full: boolean;
  readonly sentenceIndex: number;
}

/** Finds quotations in one paragraph's text range. Straight marks pair up in order. */
function pairsIn(text: string, span: Span): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let openCurly = -1;
  let openStraight = -1;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c === '“') openCurly = i;
    else if (c === '”' && openCurly >= 0) {
      pairs.push([openCurly, i + 1]);
      openCurly = -1;
    } else if (c === '"') {
      if (openStraight < 0) openStraight = i;
      else {
        pairs.push([openStraight, i + 1]);
        openStraight = -1;
      }
    }
  }
  return pairs;
}

const FULL_QUOTE_MIN_WORDS = 4;

/** Every quotation in the report, with the sentence it starts in. Heading lines are skipped. */
export function findQuotes(text: string, sentences: readonly PlanSentence[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  const paragraphs = new Map<number, Span>();
  for (const s of sentences) {
    const p = paragraphs.get(s.paragraph);
    paragraphs.set(
      s.paragraph,
      p ? { start: p.start, end: s.end } : { start: s.start, end: s.end },
    );
  }
  for (const span of paragraphs.values()) {
    for (const [open, close] of pairsIn(text, span)) {
      const sentence = sentences.find((s) => open >= s.start && open < s.end);
      if (!sentence || sentence.heading) continue;
      let start = open + 1;
      let end = close - 1;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /[\s,]/.test(text[end - 1])) end--;
      const words = text.slice(start, end).split(/\s+/).filter(Boolean).length;
      const before = text.slice(sentence.start, open).trim();
      // A full quote opens its sentence or follows an introducing colon or comma, starts with a capital, and has a few words.
      const opensClause = before === '' || /[:,]$/.test(before);
      const full =
        words >= FULL_QUOTE_MIN_WORDS && /^\p{Lu}/u.test(text[start] ?? '') && opensClause;
      quotes.push({
        open,
        close,
        start,
        end,
        text: text.slice(start, end),
        full,
        sentenceIndex: sentence.index,
      });
    }
  }
  return quotes.sort((a, b) => a.open - b.open);
}

/** True when `offset` lies inside any quotation's marks. */
export function insideQuote(quotes: readonly QuoteSpan[], offset: number): boolean {
  return quotes.some((q) => offset > q.open && offset < q.close);
}
