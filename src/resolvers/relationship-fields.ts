import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
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

/**
 * `Statement.speakers` stops at this many: a statement has one speaker, a few
 * for a joint one. The cost rule counts the list at this cap, which keeps the
 * explorer's entity page (estimates × their statements × speakers) under the
 * default cost limit.
 */
export const SPEAKERS_LIMIT = 10;

/**
 * Related entries of one parent along a traversal: batched with its siblings
 * of the same label. Given the field's `info`, statements come with their
 * sources when the field selects `source` (one query instead of two).
 */
export function relatedOf(
  ctx: ApiContext,
  traversal: Traversal,
  parent: GraphNode,
  limit = UNPAGED_LIMIT,
  info?: GraphQLResolveInfo,
): Promise<Related[]> {
  const withSources = info
    ? selectsField(info, 'source') || selectsField(info, 'reportedBy')
    : false;
  return ctx.loaders
    .related(traversal, limit, parent.label, withSources ? { limit: UNPAGED_LIMIT } : undefined)
    .load(parent.id);
}

/** Whether the field's selection (through inline fragments and fragment spreads) asks for `name`. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const fragment = selection.name.value;
      if (seen.has(fragment)) return false;
      seen.add(fragment);
      return visit(info.fragments[fragment]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/** A relationship field that returns the related nodes themselves. */
export function nodesVia(traversal: Traversal, options: { paged?: boolean; limit?: number } = {}) {
  return async (
    parent: GraphNode,
    args: { first?: number | null },
    ctx: ApiContext,
    info: GraphQLResolveInfo,
  ): Promise<GraphNode[]> => {
    const limit = options.paged
      ? listPageSize(ctx, info, args.first)
      : (options.limit ?? UNPAGED_LIMIT);
    if (limit === null) return [];
    return (await relatedOf(ctx, traversal, parent, limit, info)).map((r) => r.node);
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
