import type { GraphNode } from '../graph';
import { isGraphNode } from '../graph';
import { ENTITY_LABELS, NODE_LABELS, RELATIONSHIP_TYPES } from '../model/graph-model';
import type { ApiContext } from './context';
import { intInRange } from './arguments';
import { entityConnection, statementConnection } from './connections';
import { neighborhood, shortestPath } from './graph-view';
import { lookupField } from './lookups';
import { labelOfKind } from './models';
import { search } from './search';

const firstOf = (first: number | null | undefined) => intInRange('first', first, { min: 0, max: 100, fallback: 10 });

/** Rows of `{node, total}` from an aggregate query, as `{entity|speaker, count}`. */
async function ranked(ctx: ApiContext, query: string, slots: Record<string, string>, params: Record<string, string | number>) {
  if (params.limit === 0) return [];
  const rows = await ctx.port.read(ctx.graph.cypher.render(query, slots), params);
  return rows.filter((r) => isGraphNode(r.node)).map((r) => ({ node: r.node as GraphNode, count: Number(r.total) }));
}

async function countsByName(ctx: ApiContext, query: string, names: readonly string[]) {
  const rows = await ctx.port.read(ctx.graph.cypher.get(query));
  const totals = new Map(rows.map((r) => [String(r.name), Number(r.total)]));
  // The contract orders both lists by name.
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
    sources: entityConnection('Source'),
    statements: statementConnection,

    search,
    neighborhood,
    path: shortestPath,

    topMentioned: async (_root: unknown, args: { kind?: string | null; first?: number | null }, ctx: ApiContext) => {
      const labels = args.kind ? [labelOfKind(args.kind)] : ENTITY_LABELS;
      const rows = await ranked(ctx, 'aggregate/top-mentioned', { labels: labels.join('|') }, { limit: firstOf(args.first) });
      return rows.map((r) => ({ entity: r.node, count: r.count }));
    },
    speakers: async (_root: unknown, args: { first?: number | null }, ctx: ApiContext) => {
      const rows = await ranked(ctx, 'aggregate/speakers', {}, { limit: firstOf(args.first) });
      return rows.map((r) => ({ speaker: r.node, count: r.count }));
    },
    coMentions: async (_root: unknown, args: { id: string; first?: number | null }, ctx: ApiContext) => {
      const rows = await ranked(ctx, 'aggregate/co-mentions', { labels: ENTITY_LABELS.join('|') }, { id: args.id, limit: firstOf(args.first) });
      return rows.map((r) => ({ entity: r.node, count: r.count }));
    },
    graphStats: async (_root: unknown, _args: unknown, ctx: ApiContext) => {
      const [byLabel, byType] = await Promise.all([
        countsByName(ctx, 'aggregate/count-by-label', NODE_LABELS),
        countsByName(ctx, 'aggregate/count-by-type', RELATIONSHIP_TYPES),
      ]);
      const sum = (list: Array<{ count: number }>) => list.reduce((s, x) => s + x.count, 0);
      return { nodes: sum(byLabel), relationships: sum(byType), byLabel, byType };
    },
  },
};

