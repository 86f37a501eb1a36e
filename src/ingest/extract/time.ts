/**
 * Time phrases, kept verbatim. A calendar date is given only when the text
 * states one ("in February 2022", "on 3 March 2024"); a weekday or "yesterday"
 * gets a date only when the report's publishedAt is known, and that date is
 * marked as derived.
 */
import type { PlanSentence, PlanTime } from '../plan';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December)';
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/** Patterns in order of preference; earlier ones win where they overlap. */
const PATTERNS: ReadonlyArray<{
  re: RegExp;
  date: (m: RegExpExecArray) => string | null;
  relative?: (m: RegExpExecArray) => number | null;
}> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, date: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  {
    re: new RegExp(`\\b(?:on )?(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'g'),
    date: (m) => iso(m[3], m[2], m[1]),
  },
  {
    re: new RegExp(`\\b(?:on )?${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'g'),
    date: (m) => iso(m[3], m[1], m[2]),
  },
  {
    re: new RegExp(`\\b(?:in |since |by |until )?(?:early |late |mid-)?${MONTH} (\\d{4})\\b`, 'g'),
    date: (m) => iso(m[2], m[1]),
  },
  { re: /\b(?:in|since|by|until) ((?:19|20)\d{2})\b/g, date: (m) => m[1] },
  {
    re: new RegExp(
      `\\b(?:on |last |this |next |early |late )?${WEEKDAY}(?: (?:morning|afternoon|evening|night))?\\b`,
      'g',
    ),
    date: () => null,
    relative: (m) => WEEKDAYS.indexOf(m[1].toLowerCase()) + 100,
  },
  {
    re: /\b(yesterday|today|tonight)\b/gi,
    date: () => null,
    relative: (m) => ({ yesterday: -1, today: 0, tonight: 0 })[m[1].toLowerCase()] ?? null,
  },
  {
    re: /\b(?:in the coming (?:days|weeks|months)|in recent (?:days|weeks|months)|(?:last|next|this) (?:week|month|year)|earlier this (?:week|month|year)|(?:just )?(?:hours|days|weeks) (?:after|before|earlier|later)|(?:a|one|two|three) (?:days?|weeks?) (?:ago|later|earlier)|overnight)\b/gi,
    date: () => null,
  },
];

function iso(year: string, month: string, day?: string): string {
  const m = String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0');
  return day ? `${year}-${m}-${day.padStart(2, '0')}` : `${year}-${m}`;
}

/** The publication day as a UTC date, or null when absent or not a date. */
function publicationDay(publishedAt: string | null | undefined): Date | null {
  if (!publishedAt) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** Date of a weekday (code 100 + index) or a day offset, relative to publication. */
function derive(code: number, published: Date): string {
  const d = new Date(published);
  if (code >= 100) {
    // The most recent such weekday on or before publication: reports speak of the past week.
    const back = (published.getUTCDay() - (code - 100) + 7) % 7;
    d.setUTCDate(d.getUTCDate() - back);
  } else d.setUTCDate(d.getUTCDate() + code);
  return d.toISOString().slice(0, 10);
}

/** Every time phrase in the report's sentences, verbatim, in text order. */
export function findTimes(
  text: string,
  sentences: readonly PlanSentence[],
  publishedAt?: string | null,
): PlanTime[] {
  const published = publicationDay(publishedAt);
  const times: PlanTime[] = [];
  for (const s of sentences) {
    if (s.heading) continue;
    const body = text.slice(s.start, s.end);
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(body); m; m = p.re.exec(body)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (times.some((t) => start < t.end && end > t.start)) continue;
        const given = p.date(m);
        const code = p.relative ? p.relative(m) : null;
        const date = given ?? (code !== null && published ? derive(code, published) : null);
        times.push({
          text: m[0],
          start,
          end,
          sentenceIndex: s.index,
          date,
          derived: given === null && date !== null,
        });
      }
    }
  }
  return times.sort((a, b) => a.start - b.start);
}
