import type { GraphNode, WriteQueries } from '../graph';
import type { NodeLabel } from '../model/graph-model';
import { ConflictError } from '../errors';
import type { NodeFields } from './entity-check';
import { nodesInTx } from './tx-lookups';

/**
 * Creates or updates one node of `label`. Fields left undefined keep their
 * stored value. An id held by a node of another label is a CONFLICT.
 */
export async function upsertNode(
  tx: WriteQueries,
  label: NodeLabel,
  fields: NodeFields,
): Promise<GraphNode> {
  const { id } = fields;
  const existing = (await nodesInTx(tx, [id])).get(id);
  if (existing && existing.label !== label) {
    throw new ConflictError(
      `input.id: "${id}" already belongs to a ${existing.label}; ids are unique across the graph.`,
      {
        argument: 'input.id',
      },
    );
  }
  const merged: Record<string, unknown> = { ...(existing?.properties ?? {}) };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key] = value;
  const [node] = await tx.upsertNodes(label, [{ ...merged, label, id }]);
  if (!node) throw new Error(`Upsert of ${label} ${id} returned no node.`);
  return node;
}
