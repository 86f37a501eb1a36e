/**
 * Transcripts: a paragraph that opens with a speaker label in capitals
 * ("MS. HALVORSEN: …", "Q: …") is one turn, quoted whole and said by the
 * labelled speaker. Questions from the floor are said by an unnamed reporter.
 */
import type { PlanSentence, PlanStatement, SpeakerRef } from '../plan';
import { best } from './attribution';
import { refKey, type FoundMention, type MentionIndex } from './mentions';
import { slugify } from './text';

const LABEL =
  /^((?:Q|A|QUESTION|ANSWER|REPORTER)|(?:(?:MR|MS|MRS|DR|GEN|AMB)\.?\s+)?[\p{Lu}][\p{Lu}'’-]+(?:\s+[\p{Lu}][\p{Lu}'’-]+){0,2})\s*:\s+/u;

export interface Turn {
  readonly paragraph: number;
  readonly label: string;
  readonly labelStart: number;
  readonly labelEnd: number;
  readonly textStart: number;
  readonly end: number;
}

/** The transcript turns of a report, one per labelled paragraph. */
export function findTurns(sentences: readonly PlanSentence[]): Turn[] {
  const turns: Turn[] = [];
  for (const s of sentences) {
    if (s.heading || sentences.some((o) => o.paragraph === s.paragraph && o.index < s.index))
      continue;
    const m = LABEL.exec(s.text);
    if (!m) continue;
    const last = sentences.filter((o) => o.paragraph === s.paragraph).pop()!;
    turns.push({
      paragraph: s.paragraph,
      label: m[1],
      labelStart: s.start,
      labelEnd: s.start + m[1].length,
      textStart: s.start + m[0].length,
      end: last.end,
    });
  }
  return turns;
}

/** The quote statement of one turn. */
export function turnStatement(
  text: string,
  turn: Turn,
  sentence: PlanSentence,
  mentions: readonly FoundMention[],
  index: MentionIndex,
  ids: Set<string>,
): PlanStatement {
  let speakers: SpeakerRef[];
  if (/^(?:Q|QUESTION|REPORTER)$/.test(turn.label)) {
    speakers = [
      {
        kind: 'UNNAMED',
        description: 'a reporter',
        entity: null,
        start: turn.labelStart,
        end: turn.labelEnd,
        rule: 'transcript-question',
        confidence: 0.8,
      },
    ];
  } else {
    const honorific = /^(?:MR|MS|MRS|DR|GEN|AMB)\.?\s+/.exec(turn.label);
    const nameStart = turn.labelStart + (honorific ? honorific[0].length : 0);
    const found = index
      .find(text, { start: nameStart, end: turn.labelEnd })
      .filter((m) => ['Person', 'Organization', 'State'].includes(best(m).label));
    const entity =
      found.length > 0
        ? best(found[0])
        : index.propose(
            text
              .slice(nameStart, turn.labelEnd)
              .toLowerCase()
              .replace(/\b\p{L}/gu, (c) => c.toUpperCase()),
            null,
          );
    speakers = [
      {
        kind: 'ENTITY',
        entity,
        text: turn.label,
        start: turn.labelStart,
        end: turn.labelEnd,
        rule: 'transcript-label',
        confidence: 0.9,
      },
    ];
  }
  const skip = new Set(speakers.map((s) => (s.entity ? refKey(s.entity) : '')));
  const inTurn = mentions.filter((m) => m.start >= turn.textStart && m.end <= turn.end);
  const refs = inTurn
    .map(best)
    .filter(
      (r, i, all) => !skip.has(refKey(r)) && all.findIndex((o) => refKey(o) === refKey(r)) === i,
    );
  const words = text.slice(turn.textStart, turn.end);
  let id = `${slugify(turn.label, 30)}-${slugify(words.split(/\s+/).slice(0, 6).join(' '), 40)}`;
  for (let n = 2; ids.has(id); n++) id = `${id}-${n}`;
  ids.add(id);
  return {
    id,
    kind: 'QUOTE',
    text: words,
    hedge: null,
    origin: 'SPEAKER',
    speakers,
    attribution: turn.label,
    mentions: refs,
    mentionMatchIds: inTurn.map((m) => `${m.start}:${m.end}`),
    addressedTo: [],
    context: null,
    timeText: null,
    date: null,
    dateDerived: false,
    evidence: {
      sentenceIndex: sentence.index,
      start: turn.textStart,
      end: turn.end,
      sentence: sentence.text,
    },
    rule: 'transcript-turn',
    confidence: 0.85,
  };
}
