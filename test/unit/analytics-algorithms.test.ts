/**
 * Known answers of the algorithms on hand-built projections: a star, and two
 * cliques joined by a bridge.
 */
import {
  BETWEENNESS_MAX_NODES,
  AnalyticsInputError,
  centrality,
  communities,
} from '../../src/analytics/algorithms';
import { type Link, projectionFromLinks } from '../../src/analytics/projections';

/** A centre joined to five leaves. */
const star = () =>
  projectionFromLinks(
    'undirected',
    ['a', 'b', 'c', 'd', 'e'].map((leaf): Link => ['hub', leaf]),
  );

/** Two 4-cliques, {a1..a4} and {b1..b4}, joined by the one edge a4-b1. */
function bridgedCliques() {
  const clique = (p: string): Array<[string, string]> => {
    const ids = [1, 2, 3, 4].map((i) => `${p}${i}`);
    return ids.flatMap((x, i) => ids.slice(i + 1).map((y): [string, string] => [x, y]));
  };
  return projectionFromLinks('undirected', [...clique('a'), ...clique('b'), ['a4', 'b1']]);
}

const top = (scores: Record<string, number>) =>
  Object.entries(scores).sort((x, y) => y[1] - x[1])[0]?.[0];

describe('centrality on a star', () => {
  it('gives the hub degree 1 and each leaf 1/5', () => {
    expect(centrality(star(), 'DEGREE')).toEqual({
      hub: 1,
      a: 0.2,
      b: 0.2,
      c: 0.2,
      d: 0.2,
      e: 0.2,
    });
  });

  it('gives the hub the highest PageRank, the leaves equal shares, and a total of 1', () => {
    const rank = centrality(star(), 'PAGERANK');
    expect(top(rank)).toBe('hub');
    const leaves = ['a', 'b', 'c', 'd', 'e'].map((l) => rank[l] as number);
    leaves.forEach((l) => expect(l).toBeCloseTo(leaves[0] as number, 9));
    expect(Object.values(rank).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
    // Closed form: H = (1-d)/6 + 5dL and L = (1-d)/6 + dH/5 give H = (1 + 5d) / (6(1 + d)).
    const d = 0.85;
    expect(rank.hub).toBeCloseTo((1 + 5 * d) / (6 * (1 + d)), 6);
  });

  it('puts every shortest path between leaves through the hub', () => {
    expect(centrality(star(), 'BETWEENNESS')).toEqual({ hub: 1, a: 0, b: 0, c: 0, d: 0, e: 0 });
  });
});

describe('two cliques joined by a bridge', () => {
  it('finds the two cliques as the two communities', () => {
    const result = communities(bridgedCliques());
    expect(result.count).toBe(2);
    const groups = [0, 1].map((c) =>
      Object.keys(result.membership)
        .filter((n) => result.membership[n] === c)
        .sort(),
    );
    expect(groups.sort()).toEqual([
      ['a1', 'a2', 'a3', 'a4'],
      ['b1', 'b2', 'b3', 'b4'],
    ]);
    expect(result.modularity).toBeCloseTo(0.4230769, 6);
  });

  it('ranks the two ends of the bridge highest by betweenness, and equally', () => {
    const between = centrality(bridgedCliques(), 'BETWEENNESS');
    const ranked = Object.entries(between).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    expect(ranked.slice(0, 2).map(([id]) => id)).toEqual(['a4', 'b1']);
    expect(between.a4).toBeCloseTo(between.b1 as number, 12);
    // a4 lies on the one shortest path of each of the 3 x 4 pairs {a1,a2,a3} x {b1..b4};
    // normalized by the (n-1)(n-2)/2 = 21 pairs that exclude it.
    expect(between.a4).toBeCloseTo(12 / 21, 9);
    expect(between.a1).toBe(0);
  });

  it('gives the same communities every time (seeded)', () => {
    expect(communities(bridgedCliques())).toEqual(communities(bridgedCliques()));
  });
});

describe('limits and edge cases', () => {
  it('refuses betweenness above the node limit, saying what to use instead', () => {
    const links = Array.from({ length: BETWEENNESS_MAX_NODES }, (_, i): Link => [
      `n${i}`,
      `n${i + 1}`,
    ]);
    const big = projectionFromLinks('undirected', links);
    expect(() => centrality(big, 'BETWEENNESS')).toThrow(AnalyticsInputError);
    expect(() => centrality(big, 'BETWEENNESS')).toThrow(
      `Betweenness is limited to projections of at most 5000 nodes; this one has 5001. Use PAGERANK or DEGREE, or run it on Neo4j with GDS (docs/analytics.md).`,
    );
  });

  it('weighs a link by how often it occurs, in either order when undirected, and drops self-loops', () => {
    const g = projectionFromLinks('undirected', [
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
      ['a', 'a'],
    ]);
    expect(g.size).toBe(1);
    expect(g.getEdgeAttribute('a', 'b', 'weight')).toBe(3);
  });

  it('answers an empty projection with empty results', () => {
    const empty = projectionFromLinks('directed', []);
    expect(centrality(empty, 'PAGERANK')).toEqual({});
    expect(communities(empty)).toEqual({ membership: {}, count: 0, modularity: 0 });
  });
});
