/**
 * Search, graph views (neighborhood, path) and aggregates over the article
 * seed. Expected rankings are recomputed from `seed/article.json`, so they say
 * what the data says rather than what the engine happened to return.
 */
import { readSeed } from '../../src/seed/load-seed';
import { type Api, onlyError, openApi } from '../helpers/api-helper';

let api: Api;
beforeAll(async () => {
  api = await openApi({ seed: true });
});
afterAll(async () => {
  await api?.close();
});

/** Runs a query that must succeed; returns its data. */
const read = (query: string, variables?: Record<string, unknown>) => api.read(query, variables);

const seed = readSeed();
const labelOf = new Map(seed.nodes.map((n) => [n.id, n.label as string]));

/** Counts per key, ordered by decreasing count, then id (the contract's order). */
function ranking(keys: string[]): Array<{ id: string; count: number }> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
const relsOf = (type: string) => seed.relationships.filter((r) => r.type === type);

describe('search', () => {
  it.each(['Zelensky', 'zelensky', 'ZELENSKY'])(
    'finds Zelenskyy as the top hit for "%s"',
    async (text) => {
      const { search } = await read(
        `query($text: String!) { search(text: $text) { score node { __typename ... on Person { id name } } } }`,
        { text },
      );
      expect(search[0]).toEqual({
        score: 1,
        node: { __typename: 'Person', id: 'volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy' },
      });
    },
  );

  it('finds Blinken as the top hit for "blinken", with statements about him ranked lower', async () => {
    const { search } = await read(
      `{ search(text: "blinken") { score node { __typename ... on Person { id } ... on Statement { id } ... on Event { id } } } }`,
    );
    expect(search[0].node).toEqual({ __typename: 'Person', id: 'antony-blinken' });
    const scores = search.map((h: { score: number }) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[1]);
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(search.map((h: { node: { id: string } }) => h.node.id)).toContain(
      'blinken-meat-grinder',
    );
  });

  it('returns only the requested kinds', async () => {
    const data = await read(`{
      states: search(text: "korea", kinds: [STATE]) { node { __typename ... on State { id } } }
      quotes: search(text: "grinder", kinds: [STATEMENT]) { node { __typename ... on Statement { id text } } }
      sources: search(text: "escalating tensions", kinds: [SOURCE]) { node { __typename ... on Source { id } } }
      people: search(text: "korea", kinds: [PERSON]) { score }
    }`);
    expect(data.states.map((h: { node: unknown }) => h.node)).toEqual([
      { __typename: 'State', id: 'north-korea' },
      { __typename: 'State', id: 'south-korea' },
    ]);
    expect(data.quotes).toHaveLength(1);
    expect(data.quotes[0].node.id).toBe('blinken-meat-grinder');
    expect(data.sources).toEqual([
      { node: { __typename: 'Source', id: 'report-north-korean-troops-kursk' } },
    ]);
    expect(data.people).toEqual([]);
  });

  it('respects first', async () => {
    const { search } = await read(`{ search(text: "korea", first: 2) { node { __typename } } }`);
    expect(search).toHaveLength(2);
  });

  it.each([
    ['empty', '', 'text: must not be blank.'],
    ['blank', '   ', 'text: must not be blank.'],
    ['201 characters long', 'x'.repeat(201), 'text: must be at most 200 characters; got 201.'],
  ])('refuses a search text that is %s', async (_what, text, message) => {
    const error = onlyError(
      await api.run(`query($text: String!) { search(text: $text) { score } }`, { text }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(error.message).toBe(message);
  });
});

interface View {
  truncated: boolean;
  nodes: Array<{ id: string; label: string; name: string }>;
  edges: Array<{ id: string; type: string; from: string; to: string; properties: unknown }>;
}

/** Checks the invariants every graph view keeps: centre first, closed edges, edges ordered by id. */
function expectWellFormed(view: View, centre: string) {
  expect(view.nodes[0]?.id).toBe(centre);
  const ids = view.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const edge of view.edges) {
    expect(ids).toContain(edge.from);
    expect(ids).toContain(edge.to);
    expect(edge.id).toBe(`${edge.type}:${edge.from}:${edge.to}`);
  }
  const edgeIds = view.edges.map((e) => e.id);
  expect(edgeIds).toEqual([...edgeIds].sort());
}

/** Every seed relationship between two of `ids`, as edge ids. */
function seedEdgesAmong(ids: readonly string[]): string[] {
  const set = new Set(ids);
  return seed.relationships
    .filter((r) => set.has(r.from) && set.has(r.to))
    .map((r) => `${r.type}:${r.from}:${r.to}`)
    .sort();
}

const VIEW = `query($id: ID!, $hops: Int, $limit: Int) {
  neighborhood(id: $id, hops: $hops, limit: $limit) { truncated nodes { id label name } edges { id type from to properties } }
}`;

describe('neighborhood', () => {
  it('gives Austin’s direct neighbours at one hop, with typed edges and their properties', async () => {
    const { neighborhood } = await read(VIEW, { id: 'lloyd-austin' });
    expect(neighborhood).toEqual({
      truncated: false,
      nodes: [
        { id: 'lloyd-austin', label: 'Person', name: 'Lloyd Austin' },
        { id: 'austin-co-belligerents', label: 'Statement', name: 'Austin on co-belligerents' },
        { id: 'united-states', label: 'State', name: 'United States' },
      ],
      edges: [
        {
          id: 'HOLDS_ROLE:lloyd-austin:united-states',
          type: 'HOLDS_ROLE',
          from: 'lloyd-austin',
          to: 'united-states',
          properties: { title: 'Secretary of Defense' },
        },
        {
          id: 'MADE:lloyd-austin:austin-co-belligerents',
          type: 'MADE',
          from: 'lloyd-austin',
          to: 'austin-co-belligerents',
          properties: null,
        },
      ],
    });
  });

  it('reaches two hops out, nearer nodes first, with every relationship among the kept nodes', async () => {
    const { neighborhood } = await read(VIEW, { id: 'lloyd-austin', hops: 2 });
    expectWellFormed(neighborhood, 'lloyd-austin');
    const ids = neighborhood.nodes.map((n: { id: string }) => n.id);
    expect(ids.slice(1, 3)).toEqual(['austin-co-belligerents', 'united-states']);
    const secondHop = ids.slice(3);
    expect(secondHop).toEqual([...secondHop].sort());
    expect(secondHop).toEqual(
      expect.arrayContaining([
        'antony-blinken',
        'pentagon',
        'north-korea',
        'report-north-korean-troops-kursk',
        'washington',
      ]),
    );
    expect(neighborhood.truncated).toBe(false);
    // Blinken and the statement he made jointly with the U.S. are both two hops away: their MADE edge is kept.
    expect(neighborhood.edges.map((e: { id: string }) => e.id)).toEqual(seedEdgesAmong(ids));
  });

  it('works from a figure: the estimate, its subject and its statement', async () => {
    const { neighborhood } = await read(VIEW, { id: 'estimate-10000-troops-in-russia' });
    expect(neighborhood.nodes).toEqual([
      { id: 'estimate-10000-troops-in-russia', label: 'Estimate', name: 'around 10,000 troops' },
      {
        id: 'blinken-10000-troops-sent-to-russia',
        label: 'Statement',
        name: 'Blinken on 10,000 North Korean troops in Russia',
      },
      {
        id: 'north-korean-troops-in-russia',
        label: 'MilitaryUnit',
        name: 'North Korean troops in Russia',
      },
    ]);
    expect(neighborhood.edges.map((e: { id: string }) => e.id)).toEqual([
      'ATTRIBUTED_TO:estimate-10000-troops-in-russia:blinken-10000-troops-sent-to-russia',
      'ESTIMATES:estimate-10000-troops-in-russia:north-korean-troops-in-russia',
      'MENTIONS:blinken-10000-troops-sent-to-russia:north-korean-troops-in-russia',
    ]);
  });

  it('keeps at most limit nodes and says it truncated', async () => {
    const { neighborhood } = await read(VIEW, { id: 'north-korea', limit: 5 });
    expect(neighborhood.nodes).toHaveLength(5);
    expect(neighborhood.truncated).toBe(true);
    expectWellFormed(neighborhood, 'north-korea');

    const { neighborhood: whole } = await read(VIEW, { id: 'north-korea', limit: 500 });
    expect(whole.truncated).toBe(false);
    const direct = new Set(
      seed.relationships.flatMap((r) =>
        r.from === 'north-korea' ? [r.to] : r.to === 'north-korea' ? [r.from] : [],
      ),
    );
    expect(whole.nodes).toHaveLength(direct.size + 1);
  });

  it('returns null for an unknown id, without an error', async () => {
    const result = await api.run(VIEW, { id: 'no-such-node' });
    expect(result.errors).toBeUndefined();
    expect(result.data.neighborhood).toBeNull();
  });

  it.each([
    [{ hops: 3 }, 'hops', 'hops: must be an integer from 1 to 2; got 3.'],
    [{ hops: 0 }, 'hops', 'hops: must be an integer from 1 to 2; got 0.'],
    [{ limit: 0 }, 'limit', 'limit: must be an integer from 1 to 500; got 0.'],
    [{ limit: 501 }, 'limit', 'limit: must be an integer from 1 to 500; got 501.'],
  ])('refuses %j', async (args, argument, message) => {
    const error = onlyError(await api.run(VIEW, { id: 'north-korea', ...args }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(error.message).toBe(message);
  });
});

describe('path', () => {
  const PATH = `query($from: ID!, $to: ID!, $maxHops: Int) {
    path(from: $from, to: $to, maxHops: $maxHops) { length nodes { id label } edges { id type from to } }
  }`;

  it('is null when either end is unknown', async () => {
    const data = await read(`{
      a: path(from: "antony-blinken", to: "no-such-node") { length }
      b: path(from: "no-such-node", to: "antony-blinken") { length }
      c: path(from: "no-such-node", to: "no-such-node") { length }
    }`);
    expect(data).toEqual({ a: null, b: null, c: null });
  });

  it('has one node and length 0 from a node to itself', async () => {
    const { path } = await read(PATH, { from: 'russia', to: 'russia' });
    expect(path).toEqual({ length: 0, nodes: [{ id: 'russia', label: 'State' }], edges: [] });
  });

  it('is a single edge between directly linked nodes, in its stored direction', async () => {
    const { path } = await read(PATH, { from: 'united-states', to: 'antony-blinken' });
    expect(path).toEqual({
      length: 1,
      nodes: [
        { id: 'united-states', label: 'State' },
        { id: 'antony-blinken', label: 'Person' },
      ],
      edges: [
        {
          id: 'HOLDS_ROLE:antony-blinken:united-states',
          type: 'HOLDS_ROLE',
          from: 'antony-blinken',
          to: 'united-states',
        },
      ],
    });
  });

  it('is null when no chain fits in maxHops', async () => {
    const { path } = await read(PATH, {
      from: 'volodymyr-zelenskyy',
      to: 'north-korea',
      maxHops: 1,
    });
    expect(path).toBeNull();
  });

  it.each([0, 7])('refuses maxHops %d', async (maxHops) => {
    const error = onlyError(await api.run(PATH, { from: 'russia', to: 'ukraine', maxHops }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
    expect(error.message).toBe(`maxHops: must be an integer from 1 to 6; got ${maxHops}.`);
  });
});

describe('aggregates', () => {
  const mentionRanking = ranking(relsOf('MENTIONS').map((r) => r.to));
  const speakerRanking = ranking(relsOf('MADE').map((r) => r.from));

  it('ranks the most mentioned entities, the North Korean troops first', async () => {
    const { topMentioned } = await read(
      `{ topMentioned(first: 5) { count entity { __typename id } } }`,
    );
    expect(
      topMentioned.map((e: { count: number; entity: { id: string } }) => ({
        id: e.entity.id,
        count: e.count,
      })),
    ).toEqual(mentionRanking.slice(0, 5));
    expect(topMentioned[0]).toEqual({
      count: 15,
      entity: { __typename: 'MilitaryUnit', id: 'north-korean-troops-in-russia' },
    });
  });

  it('ranks the most mentioned entities of one kind', async () => {
    const data = await read(`{
      people: topMentioned(kind: PERSON) { count entity { id } }
      events: topMentioned(kind: EVENT) { count entity { id } }
      units: topMentioned(kind: MILITARY_UNIT) { count entity { id } }
    }`);
    const ofLabel = (label: string) => mentionRanking.filter((e) => labelOf.get(e.id) === label);
    const flat = (list: Array<{ count: number; entity: { id: string } }>) =>
      list.map((e) => ({ id: e.entity.id, count: e.count }));
    expect(flat(data.people)).toEqual(ofLabel('Person'));
    expect(flat(data.people)).toEqual([{ id: 'vladimir-putin', count: 3 }]);
    expect(flat(data.events)).toEqual(ofLabel('Event'));
    expect(flat(data.units)).toEqual([{ id: 'north-korean-troops-in-russia', count: 15 }]);
  });

  it('ranks the speakers: Blinken with six statements, then Zelenskyy with four', async () => {
    const { speakers } = await read(
      `{ speakers(first: 20) { count speaker { __typename ... on Person { id } ... on Organization { id } ... on State { id } } } }`,
    );
    const flat = speakers.map((s: { count: number; speaker: { id: string } }) => ({
      id: s.speaker.id,
      count: s.count,
    }));
    expect(flat).toEqual(speakerRanking.slice(0, 20));
    expect(speakers[0]).toEqual({
      count: 6,
      speaker: { __typename: 'Person', id: 'antony-blinken' },
    });
    expect(flat[1]).toEqual({ id: 'volodymyr-zelenskyy', count: 4 });
  });

  it('lists what is mentioned together with Putin', async () => {
    const putinStatements = new Set(
      relsOf('MENTIONS')
        .filter((r) => r.to === 'vladimir-putin')
        .map((r) => r.from),
    );
    const expected = ranking(
      relsOf('MENTIONS')
        .filter((r) => putinStatements.has(r.from) && r.to !== 'vladimir-putin')
        .map((r) => r.to),
    );
    const { coMentions } = await read(
      `{ coMentions(id: "vladimir-putin", first: 100) { count entity { id } } }`,
    );
    expect(
      coMentions.map((e: { count: number; entity: { id: string } }) => ({
        id: e.entity.id,
        count: e.count,
      })),
    ).toEqual(expected);
    expect(coMentions[0]).toEqual({ count: 3, entity: { id: 'north-korean-troops-in-russia' } });
  });

  it('gives no co-mentions for an unknown id', async () => {
    expect((await read(`{ coMentions(id: "no-such-node") { count } }`)).coMentions).toEqual([]);
  });

  it('refuses first above 100 on rankings', async () => {
    const error = onlyError(await api.run(`{ speakers(first: 101) { count } }`));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(error.message).toBe('first: must be an integer from 0 to 100; got 101.');
  });

  it('counts 57 nodes and 168 relationships, per label and type, ordered by name', async () => {
    const { graphStats } = await read(
      `{ graphStats { nodes relationships byLabel { name count } byType { name count } } }`,
    );
    expect(graphStats.nodes).toBe(57);
    expect(graphStats.relationships).toBe(168);
    expect(graphStats.byLabel).toEqual([
      { name: 'Estimate', count: 3 },
      { name: 'Event', count: 5 },
      { name: 'Location', count: 5 },
      { name: 'MilitaryUnit', count: 1 },
      { name: 'Organization', count: 8 },
      { name: 'Person', count: 5 },
      { name: 'Source', count: 1 },
      { name: 'State', count: 6 },
      { name: 'Statement', count: 23 },
    ]);
    expect(graphStats.byType).toEqual([
      { name: 'ADDRESSED_TO', count: 5 },
      { name: 'ATTRIBUTED_TO', count: 3 },
      { name: 'BELONGS_TO', count: 1 },
      { name: 'DEPLOYED_TO', count: 3 },
      { name: 'ESTIMATES', count: 3 },
      { name: 'HOLDS_ROLE', count: 4 },
      { name: 'LOCATED_IN', count: 3 },
      { name: 'MADE', count: 23 },
      { name: 'MENTIONS', count: 74 },
      { name: 'OCCURRED_IN', count: 4 },
      { name: 'PARTICIPATED_IN', count: 7 },
      { name: 'PART_OF', count: 5 },
      { name: 'RELATION', count: 4 },
      { name: 'REPORTED_IN', count: 28 },
      { name: 'TRAINED_BY', count: 1 },
    ]);
  });
});
