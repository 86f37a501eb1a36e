/**
 * Figures: a number with its unit, the qualifier the report puts on it
 * ("around", "approximately", "at least", "record") and the scope it covers
 * ("to Russia", "in Russia near Ukraine’s border"), all as printed.
 */
import type { PlanTime } from '../plan';
import type { Span } from './text';

export interface FoundFigure extends Span {
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: string | null;
  readonly scope: string | null;
  /** The span of the unit words, to find the entity counted. */
  readonly unitSpan: Span;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozens: 24,
  dozen: 12,
  hundreds: 200,
  thousands: 2000,
};
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

const QUALIFIERS = [
  'more than',
  'less than',
  'fewer than',
  'at least',
  'at most',
  'up to',
  'as many as',
  'as few as',
  'an estimated',
  'close to',
  'just over',
  'just under',
  'nearly',
  'almost',
  'around',
  'about',
  'approximately',
  'roughly',
  'some',
  'over',
  'under',
  'estimated',
  'a record',
  'record',
];
const QUALIFIER_AT_END = new RegExp(`\\b(${QUALIFIERS.join('|')})\\s+$`, 'i');
/** "a record flight time of 86 minutes": the qualifier and the measured thing come before "of". */
const RECORD_OF = /\b(record|an estimated|estimated)\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)\s+of\s+$/i;

const NUMBER = new RegExp(
  `(\\$)?\\b(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\\b(?:\\s+(${Object.keys(SCALES).join('|')}))?(%| percent| per cent)?`,
  'gi',
);
const NOT_UNITS = new Set(
  'and or of to in on at for the a an is are was were has have had by with from as that this than per-cent years year'.split(
    ' ',
  ),
);
const SCOPE_VERBS =
  /^(?:(?:are|is|were|was|have been|has been|had been|being|now|still|currently|reportedly|already)\s+)*(?:stationed|deployed|based|sent|positioned|located|massed|gathered|killed|wounded|displaced|held|living|fighting|serving)?\s*/i;
const PREPOSITION =
  /^(?:in|into|to|near|at|across|along|from|inside|on|around|within|outside|off)\b/i;

/** Figures in a span, skipping numbers that belong to time phrases and bare years. */
export function findFigures(text: string, span: Span, times: readonly PlanTime[]): FoundFigure[] {
  const figures: FoundFigure[] = [];
  const body = text.slice(span.start, span.end);
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(body); m; m = NUMBER.exec(body)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    if (times.some((t) => start < t.end && end > t.start)) continue;
    const raw = m[2].toLowerCase();
    const digits = /^\d/.test(raw);
    let value = digits ? Number(raw.replace(/,/g, '')) : NUMBER_WORDS[raw];
    if (m[3]) value *= SCALES[m[3].toLowerCase()];
    // Bare four-digit years are dates, not figures.
    if (digits && !m[3] && !m[4] && !m[1] && /^(1[89]|20)\d{2}$/.test(raw)) continue;
    let unit: string | null = m[4] ? 'percent' : m[1] ? 'dollars' : null;
    let unitSpan: Span = { start: end, end };
    let after = end;
    if (!unit) {
      // The unit is the first lower-case noun after the number, skipping capitalised modifiers ("North Korean").
      const rest = /^((?:\s+\p{Lu}[\p{L}’'-]*)*)\s+([a-z][a-z-]*)/u.exec(text.slice(end, end + 60));
      if (!rest || NOT_UNITS.has(rest[2])) continue;
      if (!digits && !/s$/.test(rest[2])) continue;
      unit = rest[2].replace(/-long$|-minute$/, '');
      const unitStart = end + rest[0].length - rest[2].length;
      unitSpan = {
        start: end + (rest[1] ? rest[0].indexOf(rest[1].trim()) : 0),
        end: unitStart + rest[2].length,
      };
      after = unitStart + rest[2].length;
    }
    const before = text.slice(Math.max(span.start, start - 60), start);
    let qualifier: string | null = null;
    let scope: string | null = null;
    const recordOf = RECORD_OF.exec(before);
    if (recordOf) {
      qualifier = recordOf[1].toLowerCase().replace(/^a /, '');
      scope = recordOf[2];
    } else {
      const q = QUALIFIER_AT_END.exec(before);
      if (q) qualifier = q[1].toLowerCase().replace(/^a /, '');
    }
    if (!scope) {
      const tail = text.slice(after, span.end);
      const lead = SCOPE_VERBS.exec(tail.replace(/^\s+/, ''))?.[0] ?? '';
      const offset = tail.length - tail.replace(/^\s+/, '').length + lead.length;
      const rest = tail.slice(offset);
      if (PREPOSITION.test(rest))
        scope = rest
          .split(/[,;:“”"(]|\s+(?:with|and|but|while|as|after|since|because)\s+/)[0]
          .replace(/[.\s]+$/, '');
    }
    const figureStart =
      qualifier && !recordOf ? start - (QUALIFIER_AT_END.exec(before)?.[0].length ?? 0) : start;
    figures.push({
      start: figureStart,
      end: after,
      text: text.slice(figureStart, after),
      value,
      unit,
      qualifier,
      scope: scope || null,
      unitSpan,
    });
  }
  return figures;
}
