import type { WriteQueries } from '../graph';
import { ACTOR_LABELS, ENTITY_LABELS, type NodeLabel } from '../model/graph-model';
import { ConflictError } from '../errors';
import { expectNode, nodesInTx } from './tx-lookups';

async function totals(tx: WriteQueries) {
  const sum = (counts: ReadonlyArray<{ total: number }>) => counts.reduce((s, c) => s + c.total, 0);
  return { nodes: sum(await tx.countByLabel()), relationships: sum(await tx.countByType()) };
}

/**
 * Deletes an entity. Statements it made, and statements giving an estimate of
 * it, depend on it: without `cascade` they block the delete (CONFLICT); with
 * it they go too, with every estimate they gave and the entity's own estimates.
 */
export async function deleteEntity(tx: WriteQueries, id: string, cascade: boolean) {
  const nodes = await nodesInTx(tx, [id]);
  const entity = expectNode(nodes, 'id', id, ENTITY_LABELS, 'entity');
  const label = entity.label as NodeLabel;

  const made = (ACTOR_LABELS as readonly string[]).includes(label)
    ? await tx.statementsMadeBy(label, id)
    : [];
  const ownEstimates = await tx.estimatesOf(label, id);
  const dependentStatements = [...new Set([...made, ...ownEstimates.map((e) => e.statementId)])];
  if (dependentStatements.length > 0 && !cascade) {
    throw new ConflictError(
      `id: ${dependentStatements.length} statement(s) depend on "${id}" (${dependentStatements.slice(0, 5).join(', ')}` +
        `${dependentStatements.length > 5 ? ', ...' : ''}); pass cascade: true to delete them too.`,
      { argument: 'id', dependents: dependentStatements.length },
    );
  }

  const before = await totals(tx);
  if (dependentStatements.length > 0) {
    const estimates = await tx.estimatesAttributedTo(dependentStatements);
    const doomedEstimates = [...new Set([...estimates, ...ownEstimates.map((e) => e.estimateId)])];
    await tx.deleteNodes('Estimate', doomedEstimates);
    await tx.deleteNodes('Statement', dependentStatements);
  }
  await tx.deleteNodes(label, [id]);
  const after = await totals(tx);
  return {
    id,
    deletedNodes: before.nodes - after.nodes,
    deletedRelationships: before.relationships - after.relationships,
  };
}
