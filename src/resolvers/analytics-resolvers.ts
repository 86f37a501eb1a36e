/**
 * `centrality`, `communities` and `nodeAnalytics`: graph algorithms over
 * projections, answered from the per-version cache of `src/analytics`.
 */
import { AnalyticsInputError, type CentralityMeasure, type Scores } from '../analytics/algorithms';
import type { ProjectionName } from '../analytics/projections';
import { BadUserInputError } from '../errors';
import type { Resolvers } from '../generated/resolvers-types';
import { ENTITY_LABELS, type NodeLabel } from '../model/graph-model';
import { intInRange } from '../model/validate';
import { pageSize } from './arguments';
import type { ApiContext } from './context';
import { lookup } from './lookups';

/** The labels `SearchResult` covers: a score's `node` is one of these, or null. */
const SCORED_LABELS: readonly NodeLabel[] = [...ENTITY_LABELS, 'Statement', 'Source'];
/** Most ids one `nodeAnalytics` takes (and so most entries it returns). */
export const NODE_ANALYTICS_MAX_IDS = 500;

/** An explicit null means the default, as omitting the argument does. */
const projectionOf = (value: ProjectionName | null | undefined): ProjectionName =>
  value ?? 'CO_MENTION';
const measureOf = (value: CentralityMeasure | null | undefined): CentralityMeasure =>
  value ?? 'PAGERANK';

/** A score as resolvers pass it on; `node` is resolved (batched) from `id`. */
interface ScoreModel {
  readonly id: string;
  readonly score: number;
  readonly rank: number;
}

/** Highest score first, ties by id, so that rankings are stable. */
function ranking(scores: Scores, ids: Iterable<string> = Object.keys(scores)): ScoreModel[] {
  return [...ids]
    .map((id) => ({ id, score: scores[id] ?? 0 }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry, i) => ({ ...entry, rank: i + 1 }));
}

/** Full rankings per cached score map: sorting 20k+ scores on every request would cost more than the answer. */
const rankings = new WeakMap<Scores, ScoreModel[]>();
function rankingOf(scores: Scores): ScoreModel[] {
  let ranked = rankings.get(scores);
  if (!ranked) {
    ranked = ranking(scores);
    rankings.set(scores, ranked);
  }
  return ranked;
}

/** Turns the algorithms' input errors into BAD_USER_INPUT on the argument that caused them. */
async function asUserInput<T>(argument: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AnalyticsInputError) throw new BadUserInputError(argument, error.message);
    throw error;
  }
}

export const analyticsResolvers: Pick<Resolvers, 'CentralityScore'> & {
  Query: Pick<NonNullable<Resolvers['Query']>, 'centrality' | 'communities' | 'nodeAnalytics'>;
} = {
  Query: {
    centrality: async (_root, args, ctx) => {
      const first = pageSize(args.first, 10);
      const [projection, measure] = [projectionOf(args.projection), measureOf(args.measure)];
      const { value, ...about } = await asUserInput('measure', () =>
        ctx.analytics.centrality(projection, measure),
      );
      return { projection, measure, ...about, scores: rankingOf(value).slice(0, first) };
    },
    communities: async (_root, args, ctx) => {
      const first = pageSize(args.first, 10);
      const membersFirst = intInRange('membersFirst', args.membersFirst, {
        min: 0,
        max: 100,
        fallback: 5,
      });
      const analytics = ctx.analytics;
      const projection = projectionOf(args.projection);
      const [{ value, ...about }, rank] = await Promise.all([
        analytics.communities(projection),
        analytics.centrality(projection, 'PAGERANK'),
      ]);
      const members = new Map<number, string[]>();
      for (const [id, community] of Object.entries(value.membership)) {
        if (community < first) members.set(community, [...(members.get(community) ?? []), id]);
      }
      const communities = [...members.entries()]
        .sort(([a], [b]) => a - b)
        .map(([id, ids]) => ({
          id,
          size: ids.length,
          members: ranking(rank.value, ids).slice(0, membersFirst),
        }));
      return {
        projection,
        ...about,
        count: value.count,
        modularity: value.modularity,
        communities,
      };
    },
    nodeAnalytics: async (_root, args, ctx: ApiContext) => {
      if (args.ids.length > NODE_ANALYTICS_MAX_IDS)
        throw new BadUserInputError(
          'ids',
          `at most ${NODE_ANALYTICS_MAX_IDS} ids; got ${args.ids.length}.`,
        );
      const analytics = ctx.analytics;
      const projection = projectionOf(args.projection);
      const [groups, rank] = await Promise.all([
        analytics.communities(projection),
        analytics.centrality(projection, 'PAGERANK'),
      ]);
      return args.ids.map((id) => ({
        id,
        community: groups.value.membership[id] ?? null,
        pagerank: rank.value[id] ?? null,
      }));
    },
  },
  CentralityScore: {
    node: (parent, _args, ctx) => lookup(ctx, SCORED_LABELS, parent.id),
  },
};
