import type { GraphNode } from '../graph';
import type { NodeLabel } from '../model/graph-model';
import type { ApiContext } from './context';

/** Looks a node up by id among `labels`; null when unknown. Batched per request. */
export function lookup(
  ctx: ApiContext,
  labels: readonly NodeLabel[],
  id: string,
): Promise<GraphNode | null> {
  return ctx.loaders.nodes(labels).load(id);
}

/** A root lookup field (`person(id)`, `entity(id)`...). */
export function lookupField(labels: readonly NodeLabel[]) {
  return (_root: unknown, args: { id: string }, ctx: ApiContext) => lookup(ctx, labels, args.id);
}
