/**
 * Text with marked spans: quotes, speakers and mentions over a report. Spans
 * may overlap (a mention inside a quote), so the text is cut wherever any span
 * starts or ends, and each piece carries the classes of every span over it.
 */
import { type Child, h } from './dom';

export interface Span {
  readonly start: number;
  readonly end: number;
  /** A CSS class: `hl-quote`, `hl-speaker`, `hl-mention`... */
  readonly kind: string;
  /** Shown on hover, e.g. the entity a mention resolved to. */
  readonly title?: string;
}

/** The text as a paragraph of spans; offsets are UTF-16 indices, as the API gives them. */
export function highlighted(text: string, spans: readonly Span[]): HTMLElement {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const pieces: Child[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i] as number, cuts[i + 1] as number];
    const over = valid.filter((s) => s.start <= from && s.end >= to);
    const words = text.slice(from, to);
    if (over.length === 0) pieces.push(words);
    else {
      const title = over
        .map((s) => s.title)
        .filter(Boolean)
        .join(' · ');
      pieces.push(
        h('mark', { class: over.map((s) => s.kind).join(' '), title: title || null }, words),
      );
    }
  }
  return h('div', { class: 'report-text' }, ...pieces);
}
