import type { CypherLibrary, GraphNode, GraphTransaction } from '../graph';
import { isGraphNode } from '../graph';
import { NODE_LABELS, type NodeLabel } from '../model/graph-model';
import { NotFoundError } from '../errors';

/** Nodes by id, any label, read inside the write transaction. */
export async function nodesInTx(tx: GraphTransaction, cypher: CypherLibrary, ids: readonly string[]): Promise<Map<string, GraphNode>> {
  const found = new Map<string, GraphNode>();
  if (ids.length === 0) return found;
  const rows = await tx.run(cypher.render('read/nodes-by-ids', { labels: NODE_LABELS.join('|') }), { ids: [...new Set(ids)] });
  for (const row of rows) if (isGraphNode(row.n)) found.set(row.n.id, row.n);
  return found;
}

/** The node with `id`, which must exist with one of `labels`; NOT_FOUND otherwise. */
export function expectNode(
  nodes: Map<string, GraphNode>,
  argument: string,
  id: string,
  labels: readonly NodeLabel[],
  what: string,
): GraphNode {
  const node = nodes.get(id);
  if (!node || !(labels as readonly string[]).includes(node.label)) throw new NotFoundError(argument, id, what);
  return node;
}
