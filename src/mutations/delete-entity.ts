import type { CypherLibrary, GraphTransaction } from '../graph';
import { ACTOR_LABELS, ENTITY_LABELS, type NodeLabel } from '../model/graph-model';
import { ConflictError } from '../errors';
import { expectNode, nodesInTx } from './tx-lookups';

async function totals(tx: GraphTransaction, cypher: CypherLibrary) {
  const sum = async (name: string) =>
    (await tx.run(cypher.get(name))).reduce((s, r) => s + Number(r.total ?? 0), 0);
  return { nodes: await sum('aggregate/count-by-label'), relationships: await sum('aggregate/count-by-type') };
}

/**
 * Deletes an entity. Statements it made, and statements giving an estimate of
 * it, depend on it: without `cascade` they block the delete (CONFLICT); with
 * it they go too, with every estimate they gave and the entity's own estimates.
 */
export async function deleteEntity(tx: GraphTransaction, cypher: CypherLibrary, id: string, cascade: boolean) {
  const nodes = await nodesInTx(tx, cypher, [id]);
  const entity = expectNode(nodes, 'id', id, ENTITY_LABELS, 'entity');
  const label = entity.label as NodeLabel;

  const made = (ACTOR_LABELS as readonly string[]).includes(label)
    ? (await tx.run(cypher.render('read/statements-made-by', { label }), { id })).map((r) => String(r.id))
    : [];
  const ownEstimates = await tx.run(cypher.render('read/estimates-of', { label }), { id });
  const dependentStatements = [...new Set([...made, ...ownEstimates.map((r) => String(r.statementId))])];
  if (dependentStatements.length > 0 && !cascade) {
    throw new ConflictError(
      `id: ${dependentStatements.length} statement(s) depend on "${id}" (${dependentStatements.slice(0, 5).join(', ')}` +
        `${dependentStatements.length > 5 ? ', ...' : ''}); pass cascade: true to delete them too.`,
      { argument: 'id', dependents: dependentStatements.length },
    );
  }

  const before = await totals(tx, cypher);
  if (dependentStatements.length > 0) {
    const estimates = (await tx.run(cypher.get('read/estimates-attributed-to'), { ids: dependentStatements })).map((r) => String(r.id));
    const doomedEstimates = [...new Set([...estimates, ...ownEstimates.map((r) => String(r.estimateId))])];
    await tx.run(cypher.render('write/delete-nodes', { label: 'Estimate' }), { ids: doomedEstimates });
    await tx.run(cypher.render('write/delete-nodes', { label: 'Statement' }), { ids: dependentStatements });
  }
  await tx.run(cypher.render('write/delete-nodes', { label }), { ids: [id] });
  const after = await totals(tx, cypher);
  return { id, deletedNodes: before.nodes - after.nodes, deletedRelationships: before.relationships - after.relationships };
}
