/**
 * The graph "as of" a day (issue 16, docs/sources.md): the `asOf` argument,
 * the fields that take it, `asOfSummary`, and the report counts of rankings.
 * With `asOf`, each field runs its own `*-as-of` query (through
 * `ctx.loaders.relatedAsOf` or the `*AsOf` reads); without it, the field
 * resolves exactly as before, through the same loaders and queries.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { QueryAsOfSummaryArgs } from '../generated/resolvers-types';
import { BadUserInputError } from '../errors';
import type { GraphNode, Related } from '../graph';
import type { Traversal } from '../loaders';
import type { EntityLabel } from '../model/graph-model';
import { checkDate } from '../model/validate';
import type { ApiContext } from './context';
import { checkedOnField, listPageSize } from './field-errors';
import { UNPAGED_LIMIT, nodesVia, selectsField } from './relationship-fields';

/**
 * A checked `asOf`: an ISO-8601 day (YYYY-MM-DD), or null when not given.
 * A year or month alone is refused: a view "as of 2024-11" could mean its
 * first or its last day.
 */
export function checkAsOf(value: string | null | undefined, argument = 'asOf'): string | null {
  if (value === null || value === undefined) return null;
  checkDate(argument, value);
  if (value.length !== 10)
    throw new BadUserInputError(
      argument,
      `"${value}" is not a day; an asOf view needs a full ISO-8601 date, YYYY-MM-DD.`,
    );
  return value;
}

/**
 * `asOf` of a non-null list field, checked without nulling the parent (as
 * `listPageSize` does for `first`): a bad date is reported on this field
 * alone and the list comes back empty. Undefined means "skip this list".
 */
export function fieldAsOf(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  value: string | null | undefined,
): string | null | undefined {
  return checkedOnField(ctx, info, () => checkAsOf(value));
}

/** Related entries of one parent as of a day, batched with its siblings (`Loaders.relatedAsOf`). */
export function relatedAsOf(
  ctx: ApiContext,
  traversal: Traversal,
  parent: GraphNode,
  asOf: string,
  limit = UNPAGED_LIMIT,
): Promise<Related[]> {
  return ctx.loaders.relatedAsOf(traversal, limit, asOf, parent.label).load(parent.id);
}

/**
 * A relationship field that takes `asOf`: without it, `nodesVia` as before;
 * with it, the traversal's asOf query (statements, figures or sources that
 * sources published by that day reported).
 */
export function nodesViaAsOf(traversal: Traversal, options: { paged?: boolean } = {}) {
  const plain = nodesVia(traversal, options);
  return async (
    parent: GraphNode,
    args: { first?: number | null; asOf?: string | null },
    ctx: ApiContext,
    info: GraphQLResolveInfo,
  ): Promise<GraphNode[]> => {
    if (args.asOf === null || args.asOf === undefined) return plain(parent, args, ctx, info);
    const asOf = fieldAsOf(ctx, info, args.asOf);
    if (!asOf) return [];
    const limit = options.paged ? listPageSize(ctx, info, args.first) : UNPAGED_LIMIT;
    if (limit === null) return [];
    return (await relatedAsOf(ctx, traversal, parent, asOf, limit)).map((r) => r.node);
  };
}

/** `asOfSummary(asOf)`: how the sources divide on that day. */
export async function asOfSummary(_root: unknown, args: QueryAsOfSummaryArgs, ctx: ApiContext) {
  const asOf = checkAsOf(args.asOf) as string;
  const counts = await ctx.queries.asOfCounts(asOf);
  return {
    asOf,
    sourcesIncluded: counts.included,
    sourcesAfter: counts.after,
    undatedSourcesLeftOut: counts.undated,
  };
}

/** A ranking entry, with its distinct reports when the request selects them. */
export interface RankedEntry {
  readonly node: GraphNode;
  readonly count: number;
  readonly reports?: number;
}

/**
 * The entries of a ranking, with `reports` counted for the whole list in one
 * query (`aggregate/*-reports`, over the ranked ids) when the request selects
 * it, and no query at all otherwise.
 */
async function withReports(
  rows: ReadonlyArray<{ node: GraphNode; total: number }>,
  info: GraphQLResolveInfo,
  count: (ids: readonly string[]) => Promise<Map<string, number>>,
): Promise<RankedEntry[]> {
  if (rows.length === 0 || !selectsField(info, 'reports'))
    return rows.map((r) => ({ node: r.node, count: r.total }));
  const reports = await count(rows.map((r) => r.node.id));
  return rows.map((r) => ({ node: r.node, count: r.total, reports: reports.get(r.node.id) ?? 0 }));
}

/** `topMentioned(kind, first, asOf)`: the plain ranking's own query without `asOf`. */
export async function rankMentioned(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  labels: readonly EntityLabel[],
  limit: number,
  asOf: string | null,
): Promise<RankedEntry[]> {
  if (limit === 0) return [];
  const rows = asOf
    ? await ctx.queries.topMentionedAsOf(labels, limit, asOf)
    : await ctx.queries.topMentioned(labels, limit);
  return withReports(rows, info, (ids) => ctx.queries.mentionReports(labels, ids, asOf));
}

/** `speakers(first, asOf)`: the plain ranking's own query without `asOf`. */
export async function rankSpeakers(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  limit: number,
  asOf: string | null,
): Promise<RankedEntry[]> {
  if (limit === 0) return [];
  const rows = asOf
    ? await ctx.queries.speakersAsOf(limit, asOf)
    : await ctx.queries.speakers(limit);
  return withReports(rows, info, (ids) => ctx.queries.speakerReports(ids, asOf));
}
