/**
 * Matching planned statements against existing ones: the same speaker and
 * the same words (punctuation, quotation marks, whitespace and case set
 * aside) is one claim; most content words in common is only similar.
 */
import {
  type ExistingStatement,
  type PlanStatement,
  matchStatements,
  normaliseWords,
} from '../../../src/ingest';

const planned = (id: string, text: string, speakerId: string | null): PlanStatement => ({
  id,
  kind: 'QUOTE',
  text,
  hedge: null,
  origin: speakerId ? 'SPEAKER' : 'REPORT',
  speakers: speakerId
    ? [
        {
          kind: 'ENTITY',
          entity: { kind: 'EXISTING', id: speakerId, label: 'Person' },
          text: 'Blinken',
          start: 0,
          end: 7,
          rule: 'test',
          confidence: 1,
        },
      ]
    : [],
  attribution: null,
  mentions: [],
  mentionMatchIds: [],
  addressedTo: [],
  context: null,
  timeText: null,
  date: null,
  dateDerived: false,
  evidence: { sentenceIndex: 0, start: 0, end: text.length, sentence: text },
  rule: 'test',
  confidence: 1,
});

const existing: ExistingStatement[] = [
  {
    speakerId: 'blinken',
    id: 'targets',
    kind: 'QUOTE',
    text: 'If they enter the fight, they become targets',
  },
  {
    speakerId: 'austin',
    id: 'austin-targets',
    kind: 'QUOTE',
    text: 'If they enter the fight, they become targets',
  },
];

describe('statement matching', () => {
  it('sets punctuation, quotation marks, dashes, whitespace and case aside', () => {
    expect(normaliseWords('If they enter  the fight -- they become “Targets”!')).toBe(
      'if they enter the fight they become targets',
    );
    expect(normaliseWords('Russia’s war')).toBe(normaliseWords("Russia's war"));
  });

  it('matches the same words from the same speaker only', () => {
    const matches = matchStatements(
      [
        planned('a', 'If they enter the fight -- they become TARGETS', 'blinken'),
        planned('b', 'If they enter the fight, they become targets', 'sullivan'),
        planned('c', 'If they enter the fight, they become targets', null),
      ],
      existing,
    );
    expect([...matches]).toEqual([
      ['a', { statementId: 'targets', how: 'SAME_WORDS', confidence: 1 }],
    ]);
  });

  it('proposes a paraphrase with most content words in common as similar, and nothing below the threshold', () => {
    const matches = matchStatements(
      [
        planned('p', 'the soldiers would become targets if they joined the fighting', 'blinken'),
        planned('q', 'talks with Beijing went well', 'blinken'),
      ],
      existing,
    );
    expect([...matches]).toEqual([
      ['p', { statementId: 'targets', how: 'SIMILAR', confidence: 0.75 }],
    ]);
  });
});
