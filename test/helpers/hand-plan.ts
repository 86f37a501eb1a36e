/**
 * A plan built by hand for a short report of our own, as an extractor would
 * return it against the seeded graph, and an `Extractor` that returns it. It
 * lets the review-and-commit tests state exactly what goes in, independently
 * of how well the real extractor reads.
 */
import { contentHashOf } from '../../src/ingest/report-input';
import type {
  EntityMatch,
  Evidence,
  Extractor,
  IngestPlan,
  KnownEntities,
  PlanSentence,
  ReportInput,
} from '../../src/ingest/plan';

/** The report: a heading and three sentences, in our own words. */
export const HAND_REPORT = [
  'Envoy Warns of Longer Deployment',
  '',
  'Antony Blinken said that “the troops must leave Russia soon”.',
  'Around 3,000 troops remain in Russia, the report says.',
  'Envoy Mara Voss said Pyongyang would not comment.',
].join('\n');

const SENTENCES = HAND_REPORT.split('\n').filter(Boolean);

function sentences(text: string): PlanSentence[] {
  return SENTENCES.map((s, index) => {
    const start = text.indexOf(s);
    return {
      index,
      start,
      end: start + s.length,
      text: s,
      paragraph: index === 0 ? 0 : 1,
      heading: index === 0,
    };
  });
}

/** The evidence of `words` in sentence `index` of `text`. */
function evidence(text: string, index: number, words: string): Evidence {
  const sentence = sentences(text)[index] as PlanSentence;
  const start = text.indexOf(words, sentence.start);
  if (start < 0) throw new Error(`"${words}" is not in sentence ${index}.`);
  return { sentenceIndex: index, start, end: start + words.length, sentence: sentence.text };
}

function match(
  text: string,
  matchId: string,
  index: number,
  words: string,
  resolution: EntityMatch['resolution'],
  rule: string,
): EntityMatch {
  const { start, end } = evidence(text, index, words);
  return {
    matchId,
    text: words,
    start,
    end,
    sentenceIndex: index,
    resolution,
    confidence: 0.9,
    rule,
  };
}

/** The plan for `HAND_REPORT` (offsets computed on `text`, which must contain its sentences). */
export function handPlan(text: string = HAND_REPORT, report: ReportInput = { text }): IngestPlan {
  const blinken = { kind: 'EXISTING', id: 'antony-blinken', label: 'Person' } as const;
  const russia = { kind: 'EXISTING', id: 'russia', label: 'State' } as const;
  const troops = {
    kind: 'EXISTING',
    id: 'north-korean-troops-in-russia',
    label: 'MilitaryUnit',
  } as const;
  const northKorea = { kind: 'EXISTING', id: 'north-korea', label: 'State' } as const;
  const voss = { kind: 'PROPOSED', proposedId: 'mara-voss', label: 'Person' } as const;
  const span = (index: number, words: string) => {
    const e = evidence(text, index, words);
    return { start: e.start, end: e.end };
  };
  const base = {
    addressedTo: [],
    context: null,
    timeText: null,
    date: null,
    dateDerived: false,
    confidence: 0.9,
  } as const;
  return {
    extractor: { name: 'hand', version: '1' },
    report: {
      title: report.title ?? null,
      publisher: report.publisher ?? null,
      url: report.url ?? null,
      publishedAt: report.publishedAt ?? null,
      contentHash: contentHashOf(text),
      characterCount: text.length,
      wordCount: text.split(/\s+/).filter(Boolean).length,
    },
    sentences: sentences(text),
    statements: [
      {
        ...base,
        id: 'blinken-troops-must-leave',
        kind: 'QUOTE',
        text: 'the troops must leave Russia soon',
        hedge: null,
        origin: 'SPEAKER',
        speakers: [
          {
            kind: 'ENTITY',
            entity: blinken,
            text: 'Antony Blinken',
            ...span(1, 'Antony Blinken'),
            rule: 'said-verb',
            confidence: 0.95,
          },
        ],
        attribution: 'Antony Blinken said',
        mentions: [russia],
        mentionMatchIds: ['m1'],
        evidence: evidence(text, 1, 'the troops must leave Russia soon'),
        rule: 'quote',
      },
      {
        ...base,
        id: 'voss-no-comment',
        kind: 'PARAPHRASE',
        text: 'Pyongyang would not comment',
        hedge: null,
        origin: 'SPEAKER',
        speakers: [
          {
            kind: 'ENTITY',
            entity: voss,
            text: 'Mara Voss',
            ...span(3, 'Mara Voss'),
            rule: 'said-verb',
            confidence: 0.9,
          },
        ],
        attribution: 'Envoy Mara Voss said',
        mentions: [northKorea],
        mentionMatchIds: ['m4'],
        evidence: evidence(text, 3, 'Pyongyang would not comment'),
        rule: 'reported-speech',
      },
    ],
    entities: [
      match(text, 'm0', 1, 'Antony Blinken', blinken, 'exact-name'),
      match(text, 'm1', 1, 'Russia', russia, 'exact-name'),
      match(text, 'm2', 2, 'Russia', russia, 'exact-name'),
      match(
        text,
        'm3',
        3,
        'Mara Voss',
        { ...voss, reason: 'preceded by the title "Envoy"' },
        'proposed-title-person',
      ),
      match(text, 'm4', 3, 'Pyongyang', northKorea, 'metonym'),
    ],
    proposedEntities: [
      {
        proposedId: 'mara-voss',
        name: 'Mara Voss',
        label: 'Person',
        aliases: ['Voss'],
        reason: 'preceded by the title "Envoy"',
        confidence: 0.8,
        rule: 'proposed-title-person',
      },
    ],
    roles: [],
    figures: [
      {
        id: 'troops-in-russia-3000',
        text: 'Around 3,000 troops',
        value: 3000,
        unit: 'troops',
        qualifier: 'Around',
        scope: 'in Russia',
        subject: troops,
        attributedTo: { kind: 'REPORT' },
        evidence: evidence(text, 2, 'Around 3,000 troops'),
        rule: 'figure',
        confidence: 0.9,
      },
    ],
    times: [],
    warnings: [],
  };
}

/** An extractor that returns `handPlan` for any text containing the hand report's sentences. */
export const handExtractor: Extractor = {
  name: 'hand',
  version: '1',
  extract(report: ReportInput, _known: KnownEntities): IngestPlan {
    return handPlan(report.text, report);
  },
};
