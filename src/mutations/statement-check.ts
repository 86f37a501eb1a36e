import { randomBytes } from 'node:crypto';
import type { AddEstimateInput, AddStatementInput } from '../generated/resolvers-types';
import { BadUserInputError } from '../errors';
import { ID_MAX_LENGTH, STATEMENT_KINDS } from '../model/graph-model';
import { idWords } from '../model/id-words';
import { checkDate, checkId, checkStorableNumber, checkText } from '../model/validate';

const MAX_LINKED = 50;

function idList(argument: string, ids: readonly string[] | null | undefined): string[] {
  const list = [...new Set(ids ?? [])];
  if (list.length > MAX_LINKED)
    throw new BadUserInputError(argument, `accepts at most ${MAX_LINKED} ids; got ${list.length}.`);
  return list.map((id, i) => checkId(`${argument}[${i}]`, id));
}

const optional = (argument: string, value: string | null | undefined, max: number) =>
  value === null || value === undefined ? null : checkText(argument, value, { max });

const RANDOM_SUFFIX_HEX = 6;

/**
 * A readable, unique-enough id for a node created without one: the slugged
 * parts, cut so that the random suffix always fits within ID_MAX_LENGTH, and
 * never with a double or trailing dash (which checkId, and so `link`, refuses).
 */
function generatedId(...parts: string[]): string {
  const readable = parts
    .join('-')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, ID_MAX_LENGTH - RANDOM_SUFFIX_HEX - 1)
    .replace(/^-+|-+$/g, '');
  return `${readable || 'node'}-${randomBytes(RANDOM_SUFFIX_HEX / 2).toString('hex')}`;
}

/** A statement id: speaker, then the first five words of the text. */
function statementId(speakerId: string, words: string): string {
  return generatedId(speakerId.slice(0, 30), idWords(words, 5) || 'statement');
}

/** Validates `addStatement` input before anything is written. */
export function checkStatementInput(input: AddStatementInput) {
  if (!(STATEMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw new BadUserInputError('input.kind', `must be one of ${STATEMENT_KINDS.join(', ')}.`);
  }
  const words = checkText('input.text', input.text, { max: 5000 });
  const speakerId = checkId('input.speakerId', input.speakerId);
  return {
    id:
      input.id === null || input.id === undefined
        ? statementId(speakerId, words)
        : checkId('input.id', input.id),
    name: optional('input.name', input.name, 200),
    text: words,
    kind: input.kind,
    hedge: optional('input.hedge', input.hedge, 200),
    context: optional('input.context', input.context, 500),
    timeText: optional('input.timeText', input.timeText, 200),
    saidAt:
      input.saidAt === null || input.saidAt === undefined
        ? null
        : checkDate('input.saidAt', input.saidAt),
    speakerId,
    sourceId: checkId('input.sourceId', input.sourceId),
    mentionIds: idList('input.mentionIds', input.mentionIds),
    addressedToIds: idList('input.addressedToIds', input.addressedToIds),
  };
}

export function checkEstimateInput(input: AddEstimateInput) {
  checkStorableNumber('input.value', input.value);
  const unit = checkText('input.unit', input.unit, { max: 100 });
  const subjectId = checkId('input.subjectId', input.subjectId);
  return {
    id:
      input.id === null || input.id === undefined
        ? generatedId('estimate', subjectId.slice(0, 40))
        : checkId('input.id', input.id),
    value: input.value,
    unit,
    qualifier: optional('input.qualifier', input.qualifier, 100),
    scope: optional('input.scope', input.scope, 300),
    subjectId,
    statementId: checkId('input.statementId', input.statementId),
  };
}

export type CheckedStatement = ReturnType<typeof checkStatementInput>;
export type CheckedEstimate = ReturnType<typeof checkEstimateInput>;
