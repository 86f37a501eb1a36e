import type { GraphNode, WriteQueries } from '../graph';
import { ACTOR_LABELS, ENTITY_LABELS, type NodeLabel } from '../model/graph-model';
import { BadUserInputError, ConflictError } from '../errors';
import type { CheckedEstimate, CheckedStatement } from './statement-check';
import { expectNode, nodesInTx } from './tx-lookups';

/** Links `from` to each target, grouping targets by label (one query per label). */
async function linkToMany(
  tx: WriteQueries,
  type: 'MENTIONS' | 'ADDRESSED_TO',
  from: string,
  targets: readonly GraphNode[],
): Promise<void> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const t of targets)
    byLabel.set(t.label as NodeLabel, [...(byLabel.get(t.label as NodeLabel) ?? []), t.id]);
  for (const [label, ids] of byLabel) {
    await tx.linkNodes(
      type,
      'Statement',
      label,
      ids.map((to) => ({ from, to })),
    );
  }
}

/** Writes a checked statement with all its links, inside one transaction. */
export async function addStatement(tx: WriteQueries, input: CheckedStatement): Promise<GraphNode> {
  const nodes = await nodesInTx(tx, [
    input.id,
    input.speakerId,
    input.sourceId,
    ...input.mentionIds,
    ...input.addressedToIds,
  ]);
  if (nodes.has(input.id)) {
    throw new ConflictError(`input.id: "${input.id}" is already taken.`, { argument: 'input.id' });
  }
  const found = nodes.get(input.speakerId);
  if (found && !(ACTOR_LABELS as readonly string[]).includes(found.label)) {
    throw new BadUserInputError(
      'input.speakerId',
      `"${input.speakerId}" is a ${found.label}; only a person, organization or state can make a statement.`,
    );
  }
  const speaker = expectNode(
    nodes,
    'input.speakerId',
    input.speakerId,
    ACTOR_LABELS,
    'person, organization or state',
  );
  expectNode(nodes, 'input.sourceId', input.sourceId, ['Source'], 'source');
  const mentions = input.mentionIds.map((id, i) =>
    expectNode(nodes, `input.mentionIds[${i}]`, id, ENTITY_LABELS, 'entity'),
  );
  const addressees = input.addressedToIds.map((id, i) =>
    expectNode(nodes, `input.addressedToIds[${i}]`, id, ENTITY_LABELS, 'entity'),
  );

  const ordinal = await tx.nextOrdinal(input.sourceId);
  const speakerName =
    typeof speaker.properties.name === 'string' ? speaker.properties.name : speaker.id;
  const name = input.name ?? `${speakerName}: ${input.text.split(/\s+/).slice(0, 6).join(' ')}`;
  const [statement] = await tx.upsertNodes('Statement', [
    { ...input, label: 'Statement', name: name.slice(0, 200), ordinal },
  ]);
  await tx.linkNodes('MADE', speaker.label as NodeLabel, 'Statement', [
    { from: speaker.id, to: input.id },
  ]);
  await tx.linkNodes('REPORTED_IN', 'Statement', 'Source', [
    { from: input.id, to: input.sourceId },
  ]);
  await linkToMany(tx, 'MENTIONS', input.id, mentions);
  await linkToMany(tx, 'ADDRESSED_TO', input.id, addressees);
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

export async function addEstimate(tx: WriteQueries, input: CheckedEstimate): Promise<GraphNode> {
  const nodes = await nodesInTx(tx, [input.id, input.subjectId, input.statementId]);
  if (nodes.has(input.id))
    throw new ConflictError(`input.id: "${input.id}" is already taken.`, { argument: 'input.id' });
  const subject = expectNode(nodes, 'input.subjectId', input.subjectId, ENTITY_LABELS, 'entity');
  expectNode(nodes, 'input.statementId', input.statementId, ['Statement'], 'statement');
  const numberText = new Intl.NumberFormat('en-US').format(input.value);
  const name = [input.qualifier, numberText, input.unit].filter(Boolean).join(' ');
  const [estimate] = await tx.upsertNodes('Estimate', [{ ...input, label: 'Estimate', name }]);
  await tx.linkNodes('ESTIMATES', 'Estimate', subject.label as NodeLabel, [
    { from: input.id, to: subject.id },
  ]);
  await tx.linkNodes('ATTRIBUTED_TO', 'Estimate', 'Statement', [
    { from: input.id, to: input.statementId },
  ]);
  if (!estimate) throw new Error(`Estimate ${input.id} was not written.`);
  return estimate;
}
