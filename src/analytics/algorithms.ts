/**
 * Centrality and communities over a projection, computed by graphology's
 * libraries (graphology-metrics, graphology-communities-louvain).
 */
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { degreeCentrality } from 'graphology-metrics/centrality/degree';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { Projection } from './projections';

export type CentralityMeasure = 'DEGREE' | 'PAGERANK' | 'BETWEENNESS';

/**
 * Betweenness costs O(nodes × edges) (Brandes); above this many nodes it
 * would hold a core for minutes, so it is refused with a clear message.
 */
export const BETWEENNESS_MAX_NODES = 5_000;

export class AnalyticsInputError extends Error {
  override readonly name = 'AnalyticsInputError';
}

/** A score per node id. */
export type Scores = Readonly<Record<string, number>>;

export function centrality(graph: Projection, measure: CentralityMeasure): Scores {
  switch (measure) {
    case 'DEGREE':
      return degreeCentrality(graph);
    case 'PAGERANK':
      // Weighted: two entities mentioned together in ten statements are closer than in one.
      return graph.order === 0
        ? {}
        : pagerank(graph, {
            getEdgeWeight: 'weight',
            alpha: 0.85,
            maxIterations: 200,
            tolerance: 1e-9,
          });
    case 'BETWEENNESS':
      if (graph.order > BETWEENNESS_MAX_NODES) {
        throw new AnalyticsInputError(
          `Betweenness is limited to projections of at most ${BETWEENNESS_MAX_NODES} nodes; this one has ${graph.order}. ` +
            'Use PAGERANK or DEGREE, or run it on Neo4j with GDS (docs/analytics.md).',
        );
      }
      return betweennessCentrality(graph, { normalized: true });
  }
}

export interface CommunityResult {
  /** Community index per node id; communities are numbered from 0, largest first. */
  readonly membership: Readonly<Record<string, number>>;
  readonly count: number;
  readonly modularity: number;
}

/** A seeded generator (mulberry32), so that Louvain gives the same answer on the same graph. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function communities(graph: Projection): CommunityResult {
  if (graph.order === 0) return { membership: {}, count: 0, modularity: 0 };
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seeded(20241125) });
  // Renumber by size (then by smallest member id) so that community 0 is the largest, stably.
  const members = new Map<number, string[]>();
  for (const [node, community] of Object.entries(detailed.communities)) {
    const list = members.get(community) ?? [];
    list.push(node);
    members.set(community, list);
  }
  const order = [...members.values()]
    .map((list) => list.sort())
    .sort((a, b) => b.length - a.length || (a[0] as string).localeCompare(b[0] as string));
  const membership: Record<string, number> = {};
  order.forEach((list, index) => list.forEach((node) => (membership[node] = index)));
  return { membership, count: order.length, modularity: detailed.modularity };
}
