import { randomBytes } from 'node:crypto';
import type { CypherLibrary, GraphNode, GraphTransaction } from '../graph';
import { ACTOR_LABELS, ENTITY_LABELS, type NodeLabel, STATEMENT_KINDS } from '../model/graph-model';
import { BadUserInputError, ConflictError } from '../errors';
import { checkDate, checkId, checkText } from '../resolvers/arguments';
import { text } from '../resolvers/models';
import { linkNodes, upsertNodes } from '../writes/write-graph';
import { expectNode, nodesInTx } from './tx-lookups';

export interface AddStatementInput {
  id?: string | null;
  name?: string | null;
  text: string;
  kind: string;
  hedge?: string | null;
  context?: string | null;
  timeText?: string | null;
  speakerId: string;
  sourceId: string;
  mentionIds?: readonly string[] | null;
  addressedToIds?: readonly string[] | null;
  saidAt?: string | null;
}

const MAX_LINKED = 50;

function idList(argument: string, ids: readonly string[] | null | undefined): string[] {
  const list = [...new Set(ids ?? [])];
  if (list.length > MAX_LINKED) throw new BadUserInputError(argument, `accepts at most ${MAX_LINKED} ids; got ${list.length}.`);
  return list.map((id, i) => checkId(`${argument}[${i}]`, id));
}

const optional = (argument: string, value: string | null | undefined, max: number) =>
  value === null || value === undefined ? null : checkText(argument, value, { max });

/** A readable, unique-enough id for a statement created without one. */
function statementId(speakerId: string, words: string): string {
  const slug = words
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .slice(0, 5)
    .join('-');
  return `${speakerId.slice(0, 30)}-${slug || 'statement'}-${randomBytes(3).toString('hex')}`.slice(0, 80).replace(/-+$/, '');
}

/** Validates `addStatement` input before anything is written. */
export function checkStatementInput(input: AddStatementInput) {
  if (!(STATEMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw new BadUserInputError('input.kind', `must be one of ${STATEMENT_KINDS.join(', ')}.`);
  }
  const words = checkText('input.text', input.text, { max: 5000 });
  const speakerId = checkId('input.speakerId', input.speakerId);
  return {
    id: input.id === null || input.id === undefined ? statementId(speakerId, words) : checkId('input.id', input.id),
    name: optional('input.name', input.name, 200),
    text: words,
    kind: input.kind,
    hedge: optional('input.hedge', input.hedge, 200),
    context: optional('input.context', input.context, 500),
    timeText: optional('input.timeText', input.timeText, 200),
    saidAt: input.saidAt === null || input.saidAt === undefined ? null : checkDate('input.saidAt', input.saidAt),
    speakerId,
    sourceId: checkId('input.sourceId', input.sourceId),
    mentionIds: idList('input.mentionIds', input.mentionIds),
    addressedToIds: idList('input.addressedToIds', input.addressedToIds),
  };
}

/** Links `from` to each target, grouping targets by label (one query per label). */
async function linkToMany(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  type: 'MENTIONS' | 'ADDRESSED_TO',
  from: string,
  targets: readonly GraphNode[],
): Promise<void> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const t of targets) byLabel.set(t.label as NodeLabel, [...(byLabel.get(t.label as NodeLabel) ?? []), t.id]);
  for (const [label, ids] of byLabel) {
    await linkNodes(tx, cypher, type, 'Statement', label, ids.map((to) => ({ from, to })));
  }
}

/** Writes a checked statement with all its links, inside one transaction. */
export async function addStatement(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  input: ReturnType<typeof checkStatementInput>,
): Promise<GraphNode> {
  const nodes = await nodesInTx(tx, cypher, [input.id, input.speakerId, input.sourceId, ...input.mentionIds, ...input.addressedToIds]);
  if (nodes.has(input.id)) {
    throw new ConflictError(`input.id: "${input.id}" is already taken.`, { argument: 'input.id' });
  }
  const found = nodes.get(input.speakerId);
  if (found && !(ACTOR_LABELS as readonly string[]).includes(found.label)) {
    throw new BadUserInputError('input.speakerId', `"${input.speakerId}" is a ${found.label}; only a person, organization or state can make a statement.`);
  }
  const speaker = expectNode(nodes, 'input.speakerId', input.speakerId, ACTOR_LABELS, 'person, organization or state');
  expectNode(nodes, 'input.sourceId', input.sourceId, ['Source'], 'source');
  const mentions = input.mentionIds.map((id, i) => expectNode(nodes, `input.mentionIds[${i}]`, id, ENTITY_LABELS, 'entity'));
  const addressees = input.addressedToIds.map((id, i) => expectNode(nodes, `input.addressedToIds[${i}]`, id, ENTITY_LABELS, 'entity'));

  const [ordinalRow] = await tx.run(cypher.get('read/next-ordinal'), { sourceId: input.sourceId });
  const name = input.name ?? `${text(speaker, 'name') ?? speaker.id}: ${input.text.split(/\s+/).slice(0, 6).join(' ')}`;
  const [statement] = await upsertNodes(tx, cypher, 'Statement', [
    { ...input, label: 'Statement', name: name.slice(0, 200), ordinal: Number(ordinalRow?.next ?? 1) },
  ]);
  await linkNodes(tx, cypher, 'MADE', speaker.label as NodeLabel, 'Statement', [{ from: speaker.id, to: input.id }]);
  await linkNodes(tx, cypher, 'REPORTED_IN', 'Statement', 'Source', [{ from: input.id, to: input.sourceId }]);
  await linkToMany(tx, cypher, 'MENTIONS', input.id, mentions);
  await linkToMany(tx, cypher, 'ADDRESSED_TO', input.id, addressees);
  if (!statement) throw new Error(`Statement ${input.id} was not written.`);
  return statement;
}

export interface AddEstimateInput {
  id?: string | null;
  value: number;
  unit: string;
  qualifier?: string | null;
  scope?: string | null;
  subjectId: string;
  statementId: string;
}

export function checkEstimateInput(input: AddEstimateInput) {
  if (!Number.isFinite(input.value)) throw new BadUserInputError('input.value', 'must be a finite number.');
  const unit = checkText('input.unit', input.unit, { max: 100 });
  const subjectId = checkId('input.subjectId', input.subjectId);
  return {
    id: input.id === null || input.id === undefined
      ? `estimate-${subjectId.slice(0, 40)}-${randomBytes(3).toString('hex')}`
      : checkId('input.id', input.id),
    value: input.value,
    unit,
    qualifier: optional('input.qualifier', input.qualifier, 100),
    scope: optional('input.scope', input.scope, 300),
    subjectId,
    statementId: checkId('input.statementId', input.statementId),
  };
}

export async function addEstimate(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  input: ReturnType<typeof checkEstimateInput>,
): Promise<GraphNode> {
  const nodes = await nodesInTx(tx, cypher, [input.id, input.subjectId, input.statementId]);
  if (nodes.has(input.id)) throw new ConflictError(`input.id: "${input.id}" is already taken.`, { argument: 'input.id' });
  const subject = expectNode(nodes, 'input.subjectId', input.subjectId, ENTITY_LABELS, 'entity');
  expectNode(nodes, 'input.statementId', input.statementId, ['Statement'], 'statement');
  const numberText = new Intl.NumberFormat('en-US').format(input.value);
  const name = [input.qualifier, numberText, input.unit].filter(Boolean).join(' ');
  const [estimate] = await upsertNodes(tx, cypher, 'Estimate', [{ ...input, label: 'Estimate', name }]);
  await linkNodes(tx, cypher, 'ESTIMATES', 'Estimate', subject.label as NodeLabel, [{ from: input.id, to: subject.id }]);
  await linkNodes(tx, cypher, 'ATTRIBUTED_TO', 'Estimate', 'Statement', [{ from: input.id, to: input.statementId }]);
  if (!estimate) throw new Error(`Estimate ${input.id} was not written.`);
  return estimate;
}
