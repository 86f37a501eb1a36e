/**
 * Graph algorithms through GraphQL on the seeded embedded graph: the most
 * central entities are the most mentioned ones, answers are cached per graph
 * version, and a write makes the next answer recompute.
 */
import { type Api, TOKEN, openApi } from '../helpers/api-helper';

const CENTRALITY = `
  query ($projection: Projection, $measure: CentralityMeasure, $first: Int) {
    centrality(projection: $projection, measure: $measure, first: $first) {
      projection measure nodeCount edgeCount graphVersion computedMs
      scores { id rank score node { ... on Person { name } ... on State { name } ... on MilitaryUnit { name } ... on Organization { name } } }
    }
  }`;

describe('graph analytics over GraphQL, on the seed', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  it('ranks the two most mentioned entities first by PageRank on the co-mention network', async () => {
    const [mostMentioned] = await Promise.all([
      api.read('{ topMentioned(first: 2) { entity { id } count } }'),
    ]);
    const { centrality } = await api.read(CENTRALITY, {
      projection: 'CO_MENTION',
      measure: 'PAGERANK',
      first: 2,
    });
    expect(mostMentioned.topMentioned.map((e: any) => e.entity.id).sort()).toEqual([
      'north-korea',
      'north-korean-troops-in-russia',
    ]);
    expect(centrality.scores.map((s: any) => s.id).sort()).toEqual([
      'north-korea',
      'north-korean-troops-in-russia',
    ]);
    expect(centrality).toMatchObject({
      projection: 'CO_MENTION',
      measure: 'PAGERANK',
      graphVersion: expect.any(Number),
    });
    expect(centrality.scores[0]).toMatchObject({
      rank: 1,
      node: { name: expect.stringMatching(/^North Korea/) },
    });
    expect(centrality.nodeCount).toBeGreaterThan(10);
  });

  it('ranks Antony Blinken, linked to the most entities by his statements, first by degree on the speaker network', async () => {
    const { centrality } = await api.read(CENTRALITY, {
      projection: 'SPEAKER_MENTION',
      measure: 'DEGREE',
      first: 1,
    });
    expect(centrality.scores).toEqual([
      {
        id: 'antony-blinken',
        rank: 1,
        score: expect.any(Number),
        node: { name: 'Antony Blinken' },
      },
    ]);
  });

  it('computes betweenness on the whole entity graph', async () => {
    const { centrality } = await api.read(CENTRALITY, {
      projection: 'ENTITY_GRAPH',
      measure: 'BETWEENNESS',
      first: 3,
    });
    expect(centrality.nodeCount).toBe(57);
    expect(centrality.scores).toHaveLength(3);
    expect(centrality.scores[0].score).toBeGreaterThan(0);
  });

  it('finds communities, each listing its most central members', async () => {
    const { communities } = await api.read(`{
      communities(projection: CO_MENTION, first: 3, membersFirst: 2) {
        count modularity nodeCount communities { id size members { id rank } }
      }
    }`);
    expect(communities.count).toBeGreaterThan(1);
    expect(communities.modularity).toBeGreaterThan(0);
    expect(communities.communities.map((c: any) => c.id)).toEqual(
      [0, 1, 2].slice(0, communities.communities.length),
    );
    const sizes = communities.communities.map((c: any) => c.size);
    expect(sizes).toEqual([...sizes].sort((a: number, b: number) => b - a));
    communities.communities.forEach((c: any) => expect(c.members.length).toBeLessThanOrEqual(2));
  });

  it('gives community and PageRank per node id, null for a node outside the projection', async () => {
    const { nodeAnalytics } = await api.read(
      '{ nodeAnalytics(ids: ["north-korea", "nobody"]) { id community pagerank } }',
    );
    expect(nodeAnalytics).toEqual([
      { id: 'north-korea', community: expect.any(Number), pagerank: expect.any(Number) },
      { id: 'nobody', community: null, pagerank: null },
    ]);
  });

  it('answers again from the cache at the same graph version', async () => {
    const first = (await api.read(CENTRALITY, { first: 3 })).centrality;
    const started = performance.now();
    const again = (await api.read(CENTRALITY, { first: 3 })).centrality;
    expect(again).toEqual(first);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(api.graph.port.stats.snapshot()['projection/co-mention']?.count).toBe(1);
  });

  it('recomputes after a write, at the next graph version', async () => {
    const before = (await api.read(CENTRALITY, { first: 100 })).centrality;
    const write = await api.run(
      `mutation { addStatement(input: { id: "china-on-kursk", speakerId: "antony-blinken", text: "China is watching Kursk.",
        kind: PARAPHRASE, sourceId: "report-north-korean-troops-kursk", mentionIds: ["china", "kursk-region", "icbm-test"] }) { id } }`,
      {},
      { token: TOKEN },
    );
    expect(write.errors).toBeUndefined();
    const after = (await api.read(CENTRALITY, { first: 100 })).centrality;
    expect(after.graphVersion).toBeGreaterThan(before.graphVersion);
    expect(after.edgeCount).toBeGreaterThanOrEqual(before.edgeCount);
    expect(after.scores).not.toEqual(before.scores);
    expect(api.graph.port.stats.snapshot()['projection/co-mention']?.count).toBe(2);
  });

  it('reads an explicit null projection or measure as the default', async () => {
    const { centrality, nodeAnalytics } = await api.read(
      '{ centrality(projection: null, measure: null, first: 1) { projection measure } nodeAnalytics(projection: null, ids: ["north-korea"]) { id } }',
    );
    expect(centrality).toEqual({ projection: 'CO_MENTION', measure: 'PAGERANK' });
    expect(nodeAnalytics).toEqual([{ id: 'north-korea' }]);
  });

  it('refuses a first above 100 as BAD_USER_INPUT', async () => {
    const bad = await api.run('{ centrality(first: 101) { nodeCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toBe('first: must be an integer from 0 to 100; got 101.');
  });
});
