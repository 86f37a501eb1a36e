import type { GraphQLResolveInfo } from 'graphql';
import type {
  QueryCoMentionsArgs,
  QuerySpeakersArgs,
  QueryTopMentionedArgs,
} from '../generated/resolvers-types';
import { ENTITY_LABELS, NODE_LABELS, RELATIONSHIP_TYPES } from '../model/graph-model';
import { intInRange } from '../model/validate';
import { asOfSummary, checkAsOf, rankMentioned, rankSpeakers } from './as-of';
import type { ApiContext } from './context';
import { entityConnection, sourceConnection, statementConnection } from './connections';
import { neighborhood, shortestPath } from './graph-view';
import { lookupField } from './lookups';
import { labelOfKind } from './models';
import { search } from './search';

const firstOf = (first: number | null | undefined) =>
  intInRange('first', first, { min: 0, max: 100, fallback: 10 });

/** The contract orders both lists of `graphStats` by name; a name without rows counts 0. */
function countsByName(
  rows: ReadonlyArray<{ name: string; total: number }>,
  names: readonly string[],
) {
  const totals = new Map(rows.map((r) => [r.name, r.total]));
  return [...names].sort().map((name) => ({ name, count: totals.get(name) ?? 0 }));
}

export const queryResolvers = {
  Query: {
    entity: lookupField(ENTITY_LABELS),
    person: lookupField(['Person']),
    state: lookupField(['State']),
    organization: lookupField(['Organization']),
    militaryUnit: lookupField(['MilitaryUnit']),
    location: lookupField(['Location']),
    event: lookupField(['Event']),
    statement: lookupField(['Statement']),
    source: lookupField(['Source']),

    people: entityConnection('Person'),
    states: entityConnection('State'),
    organizations: entityConnection('Organization'),
    militaryUnits: entityConnection('MilitaryUnit'),
    locations: entityConnection('Location'),
    events: entityConnection('Event'),
    sources: sourceConnection,
    statements: statementConnection,

    search,
    neighborhood,
    path: shortestPath,

    asOfSummary,

    // `reports` is counted for the whole list in one query, only when selected (src/resolvers/as-of.ts).
    topMentioned: async (
      _root: unknown,
      args: QueryTopMentionedArgs,
      ctx: ApiContext,
      info: GraphQLResolveInfo,
    ) => {
      const labels = args.kind ? [labelOfKind(args.kind)] : ENTITY_LABELS;
      const [limit, asOf] = [firstOf(args.first), checkAsOf(args.asOf)];
      return (await rankMentioned(ctx, info, labels, limit, asOf)).map((r) => ({
        entity: r.node,
        count: r.count,
        reports: r.reports,
      }));
    },
    speakers: async (
      _root: unknown,
      args: QuerySpeakersArgs,
      ctx: ApiContext,
      info: GraphQLResolveInfo,
    ) => {
      const [limit, asOf] = [firstOf(args.first), checkAsOf(args.asOf)];
      return (await rankSpeakers(ctx, info, limit, asOf)).map((r) => ({
        speaker: r.node,
        count: r.count,
        // Only read when selected, and then counted (SpeakerCount.reports is non-null).
        reports: r.reports ?? 0,
      }));
    },
    coMentions: async (_root: unknown, args: QueryCoMentionsArgs, ctx: ApiContext) => {
      const limit = firstOf(args.first);
      const rows = limit === 0 ? [] : await ctx.queries.coMentions(args.id, limit);
      return rows.map((r) => ({ entity: r.node, count: r.total }));
    },
    graphStats: async (_root: unknown, _args: unknown, ctx: ApiContext) => {
      const [labels, types] = await Promise.all([
        ctx.queries.countByLabel(),
        ctx.queries.countByType(),
      ]);
      const byLabel = countsByName(labels, NODE_LABELS);
      const byType = countsByName(types, RELATIONSHIP_TYPES);
      const sum = (list: Array<{ count: number }>) => list.reduce((s, x) => s + x.count, 0);
      return { nodes: sum(byLabel), relationships: sum(byType), byLabel, byType };
    },
  },
};
