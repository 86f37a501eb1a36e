import type { GraphNode, WriteQueries } from '../graph';
import { NODE_LABELS, type NodeLabel } from '../model/graph-model';
import { NotFoundError } from '../errors';

/** Nodes by id, any label, read inside the write transaction. */
export function nodesInTx(
  tx: WriteQueries,
  ids: readonly string[],
): Promise<Map<string, GraphNode>> {
  return tx.nodesByIds(NODE_LABELS, ids);
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
  if (!node || !(labels as readonly string[]).includes(node.label))
    throw new NotFoundError(argument, id, what);
  return node;
}
