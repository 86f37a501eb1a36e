import type { GraphQLResolveInfo } from 'graphql';
import type { GraphNode, Related } from '../graph';
import type { Traversal } from '../loaders';
import { edgeId } from '../model/edge-properties';
import type { ApiContext } from './context';
import { MAX_PAGE_SIZE } from './arguments';
import { listPageSize } from './field-errors';

/**
 * Lists without a `first` argument are still bounded: one parent returns at
 * most this many related nodes.
 */
export const UNPAGED_LIMIT = MAX_PAGE_SIZE;

/** Related entries of one parent along a traversal: batched with its siblings. */
export function relatedOf(
  ctx: ApiContext,
  traversal: Traversal,
  parent: GraphNode,
  limit = UNPAGED_LIMIT,
): Promise<Related[]> {
  return ctx.loaders.related(traversal, limit, parent.label).load(parent.id);
}

/** A relationship field that returns the related nodes themselves. */
export function nodesVia(traversal: Traversal, options: { paged?: boolean } = {}) {
  return async (
    parent: GraphNode,
    args: { first?: number | null },
    ctx: ApiContext,
    info: GraphQLResolveInfo,
  ): Promise<GraphNode[]> => {
    const limit = options.paged ? listPageSize(ctx, info, args.first) : UNPAGED_LIMIT;
    if (limit === null) return [];
    return (await relatedOf(ctx, traversal, parent, limit)).map((r) => r.node);
  };
}

/** A relationship's string property, or null. */
export function relText(related: Related, key: string): string | null {
  const value = related.rel.properties[key];
  return typeof value === 'string' ? value : null;
}

/** The id of the relationship behind one related entry (see `edgeId`). */
export function edgeIdOf(traversal: Traversal, parent: GraphNode, related: Related): string {
  const [from, to] =
    traversal.direction === 'outgoing'
      ? [parent.id, related.node.id]
      : [related.node.id, parent.id];
  return edgeId(traversal.type, from, to);
}
