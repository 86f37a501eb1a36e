/**
 * Root lists: Relay connections over the article seed, their filters, sort
 * orders and keyset paging, and the errors for malformed paging arguments.
 */
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

const nodeIds = (connection: { edges: Array<{ node: { id: string } }> }) =>
  connection.edges.map((e) => e.node.id);

const ALL_STATEMENTS_IN_ORDER = [
  'blinken-10000-troops-sent-to-russia',
  'report-troops-trained-for-front-line',
  'us-8000-troops-near-ukraine-border',
  'report-first-large-scale-engagement',
  'blinken-russia-struggling',
  'blinken-meat-grinder',
  'blinken-russia-weakened-position',
  'biden-administration-urges-beijing',
  'report-china-close-ties',
  'china-no-limits-partnership',
  'experts-china-destabilizing',
  'report-icbm-record-flight',
  'experts-icbm-progress',
  'experts-technology-for-troops',
  'us-officials-legitimate-targets',
  'us-envoy-body-bags',
  'zelenskyy-test-of-responses',
  'zelenskyy-more-forces-possible',
  'zelenskyy-putin-testing-response',
  'zelenskyy-counter-or-stand-by',
  'pentagon-seoul-urge-withdrawal',
  'austin-co-belligerents',
  'blinken-wider-conflict',
];

describe('connections of every root list', () => {
  it('lists the five people by name, with cursors and page info', async () => {
    const { people } = await read(
      `{ people { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name } } } }`,
    );
    expect(people.totalCount).toBe(5);
    expect(people.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Antony Blinken',
      'Lloyd Austin',
      'Unnamed U.S. envoy',
      'Vladimir Putin',
      'Volodymyr Zelenskyy',
    ]);
    expect(people.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: people.edges[0].cursor,
      endCursor: people.edges[4].cursor,
    });
    for (const edge of people.edges) expect(typeof edge.cursor).toBe('string');
  });

  it('lists the six states by name', async () => {
    const { states } = await read(`{ states { totalCount edges { node { id } } } }`);
    expect(states.totalCount).toBe(6);
    expect(nodeIds(states)).toEqual([
      'china',
      'north-korea',
      'russia',
      'south-korea',
      'ukraine',
      'united-states',
    ]);
  });

  it('lists the eight organizations by name', async () => {
    const { organizations } = await read(
      `{ organizations { totalCount edges { node { id name } } } }`,
    );
    expect(organizations.totalCount).toBe(8);
    expect(nodeIds(organizations)).toEqual([
      'biden-administration',
      'nato',
      'pentagon',
      'south-korea-defense-ministry',
      'state-department',
      'un-security-council',
      'unnamed-experts',
      'white-house',
    ]);
  });

  it('lists the one military unit', async () => {
    const { militaryUnits } = await read(
      `{ militaryUnits { totalCount edges { node { id name } } } }`,
    );
    expect(militaryUnits).toEqual({
      totalCount: 1,
      edges: [
        { node: { id: 'north-korean-troops-in-russia', name: 'North Korean troops in Russia' } },
      ],
    });
  });

  it('lists the five locations by name', async () => {
    const { locations } = await read(`{ locations { totalCount edges { node { id } } } }`);
    expect(locations.totalCount).toBe(5);
    expect(nodeIds(locations)).toEqual([
      'east-asia',
      'eastern-europe',
      'kursk-region',
      'russia-ukraine-border-area',
      'washington',
    ]);
  });

  it('lists the five events by name', async () => {
    const { events } = await read(`{ events { totalCount edges { node { id name } } } }`);
    expect(events.totalCount).toBe(5);
    expect(events.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Blinken press conference in Washington',
      'North Korean ICBM test',
      'Planned combat deployment of North Korean troops',
      'Russia-Ukraine war',
      'UN Security Council meeting',
    ]);
  });

  it('lists the 23 statements in reading order', async () => {
    const { statements } = await read(
      `{ statements(first: 100) { totalCount edges { node { id ordinal } } } }`,
    );
    expect(statements.totalCount).toBe(23);
    expect(nodeIds(statements)).toEqual(ALL_STATEMENTS_IN_ORDER);
  });

  it('lists the one source, and filters sources by title ignoring case', async () => {
    const data = await read(`{
      all: sources { totalCount edges { node { id title } } }
      match: sources(filter: { titleContains: "ESCALATING tensions" }) { totalCount }
      none: sources(filter: { titleContains: "nothing like this" }) { totalCount edges { node { id } } pageInfo { startCursor endCursor hasNextPage } }
    }`);
    expect(data.all.totalCount).toBe(1);
    expect(nodeIds(data.all)).toEqual(['report-north-korean-troops-kursk']);
    expect(data.match.totalCount).toBe(1);
    expect(data.none).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { startCursor: null, endCursor: null, hasNextPage: false },
    });
  });

  it('gives an empty page but the full count for first: 0', async () => {
    const { people } = await read(
      `{ people(first: 0) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(people).toEqual({
      totalCount: 5,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});

describe('entity filters', () => {
  it('matches names and aliases, ignoring case', async () => {
    const data = await read(`{
      korea: states(filter: { nameContains: "KOREA" }) { totalCount edges { node { id } } }
      byAlias: states(filter: { nameContains: "dprk" }) { edges { node { id } } }
    }`);
    expect(data.korea.totalCount).toBe(2);
    expect(nodeIds(data.korea)).toEqual(['north-korea', 'south-korea']);
    expect(nodeIds(data.byAlias)).toEqual(['north-korea']);
  });

  it('filters by category and by ids', async () => {
    const data = await read(`{
      regions: locations(filter: { category: "region" }) { edges { node { id } } }
      picked: organizations(filter: { ids: ["pentagon", "nato", "no-such-id"] }) { totalCount edges { node { id } } }
      both: states(filter: { nameContains: "korea", ids: ["south-korea", "russia"] }) { edges { node { id } } }
    }`);
    expect(nodeIds(data.regions)).toEqual(['east-asia', 'eastern-europe', 'kursk-region']);
    expect(data.picked.totalCount).toBe(2);
    expect(nodeIds(data.picked)).toEqual(['nato', 'pentagon']);
    expect(nodeIds(data.both)).toEqual(['south-korea']);
  });

  it('matches the category ignoring case, and counts the same matches', async () => {
    const data = await read(`{
      upper: locations(filter: { category: "REGION" }) { totalCount edges { node { id } } }
      ministries: organizations(filter: { category: "Ministry" }) { totalCount edges { node { id } } }
    }`);
    expect(data.upper).toEqual({
      totalCount: 3,
      edges: [
        { node: { id: 'east-asia' } },
        { node: { id: 'eastern-europe' } },
        { node: { id: 'kursk-region' } },
      ],
    });
    expect(nodeIds(data.ministries)).toEqual([
      'pentagon',
      'south-korea-defense-ministry',
      'state-department',
    ]);
    expect(data.ministries.totalCount).toBe(3);
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const error = onlyError(
      await api.run(`query($ids: [ID!]) { people(filter: { ids: $ids }) { totalCount } }`, { ids }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.ids' });
    expect(error.message).toBe('filter.ids: accepts at most 100 ids; got 101.');
  });
});

describe('statement filters', () => {
  const page = `query($filter: StatementFilter) { statements(filter: $filter) { totalCount edges { node { id } } } }`;
  const filtered = async (filter: Record<string, unknown>) =>
    (await read(page, { filter })).statements;

  it('keeps the statements a speaker made', async () => {
    const statements = await filtered({ speakerId: 'antony-blinken' });
    expect(statements.totalCount).toBe(6);
    expect(nodeIds(statements)).toEqual([
      'blinken-10000-troops-sent-to-russia',
      'us-8000-troops-near-ukraine-border',
      'blinken-russia-struggling',
      'blinken-meat-grinder',
      'blinken-russia-weakened-position',
      'blinken-wider-conflict',
    ]);
  });

  it('keeps the statements that mention an entity', async () => {
    const statements = await filtered({ mentionsId: 'vladimir-putin' });
    expect(nodeIds(statements)).toEqual([
      'blinken-meat-grinder',
      'zelenskyy-putin-testing-response',
      'zelenskyy-counter-or-stand-by',
    ]);
    expect(statements.totalCount).toBe(3);
  });

  it('keeps the statements addressed to an entity', async () => {
    const statements = await filtered({ addressedToId: 'north-korea' });
    expect(nodeIds(statements)).toEqual([
      'us-officials-legitimate-targets',
      'us-envoy-body-bags',
      'pentagon-seoul-urge-withdrawal',
      'austin-co-belligerents',
    ]);
  });

  it('keeps the statements of one kind', async () => {
    const quotes = await filtered({ kind: 'QUOTE' });
    expect(nodeIds(quotes)).toEqual([
      'blinken-meat-grinder',
      'us-envoy-body-bags',
      'zelenskyy-putin-testing-response',
      'zelenskyy-counter-or-stand-by',
    ]);
    const hedged = await filtered({ kind: 'HEDGED_CLAIM' });
    expect(nodeIds(hedged)).toEqual([
      'experts-china-destabilizing',
      'experts-icbm-progress',
      'experts-technology-for-troops',
    ]);
  });

  it('keeps the statements of a source', async () => {
    expect((await filtered({ sourceId: 'report-north-korean-troops-kursk' })).totalCount).toBe(23);
    expect(await filtered({ sourceId: 'no-such-source' })).toEqual({ totalCount: 0, edges: [] });
  });

  it('keeps the statements whose text contains a phrase, ignoring case', async () => {
    const statements = await filtered({ textContains: 'MEAT Grinder' });
    expect(nodeIds(statements)).toEqual(['blinken-meat-grinder']);
    expect(statements.totalCount).toBe(1);
  });

  it('combines conditions: all must hold', async () => {
    expect(nodeIds(await filtered({ kind: 'HEDGED_CLAIM', mentionsId: 'icbm-test' }))).toEqual([
      'experts-icbm-progress',
      'experts-technology-for-troops',
    ]);
    expect(
      nodeIds(
        await filtered({ speakerId: 'volodymyr-zelenskyy', kind: 'QUOTE', mentionsId: 'nato' }),
      ),
    ).toEqual(['zelenskyy-putin-testing-response']);
    expect(await filtered({ speakerId: 'antony-blinken', addressedToId: 'north-korea' })).toEqual({
      totalCount: 0,
      edges: [],
    });
  });
});

describe('sort orders', () => {
  it('sorts statements by ordinal descending', async () => {
    const { statements } = await read(
      `{ statements(first: 100, orderBy: { direction: DESC }) { edges { node { id ordinal } } } }`,
    );
    expect(nodeIds(statements)).toEqual([...ALL_STATEMENTS_IN_ORDER].reverse());
  });

  it('sorts statements by id in both directions', async () => {
    const data = await read(`{
      asc: statements(first: 100, orderBy: { field: ID, direction: ASC }) { edges { node { id } } }
      desc: statements(first: 100, orderBy: { field: ID, direction: DESC }) { edges { node { id } } }
    }`);
    const sorted = [...ALL_STATEMENTS_IN_ORDER].sort();
    expect(nodeIds(data.asc)).toEqual(sorted);
    expect(nodeIds(data.desc)).toEqual([...sorted].reverse());
  });

  it('sorts people by name descending and locations by id in both directions', async () => {
    const data = await read(`{
      people(orderBy: { field: NAME, direction: DESC }) { edges { node { name } } }
      up: locations(orderBy: { field: ID }) { edges { node { id } } }
      down: locations(orderBy: { field: ID, direction: DESC }) { edges { node { id } } }
    }`);
    expect(data.people.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Volodymyr Zelenskyy',
      'Vladimir Putin',
      'Unnamed U.S. envoy',
      'Lloyd Austin',
      'Antony Blinken',
    ]);
    expect(nodeIds(data.up)).toEqual([
      'east-asia',
      'eastern-europe',
      'kursk-region',
      'russia-ukraine-border-area',
      'washington',
    ]);
    expect(nodeIds(data.down)).toEqual([
      'washington',
      'russia-ukraine-border-area',
      'kursk-region',
      'eastern-europe',
      'east-asia',
    ]);
  });
});

describe('paging', () => {
  /** Walks a list page by page with first: 2, checking page info on the way. */
  async function walk(field: string, args = '') {
    const query = `query($after: String) {
      list: ${field}(first: 2, after: $after${args}) {
        totalCount
        edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const visited: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let pages = 0; pages < 50; pages++) {
      const { list } = await read(query, { after });
      totalCount = list.totalCount;
      expect(list.edges.length).toBeLessThanOrEqual(2);
      expect(list.pageInfo.hasPreviousPage).toBe(after !== null);
      if (list.edges.length > 0) {
        expect(list.pageInfo.startCursor).toBe(list.edges[0].cursor);
        expect(list.pageInfo.endCursor).toBe(list.edges[list.edges.length - 1].cursor);
      }
      visited.push(...nodeIds(list));
      if (!list.pageInfo.hasNextPage) break;
      expect(list.edges).toHaveLength(2);
      after = list.pageInfo.endCursor;
    }
    return { visited, totalCount };
  }

  it.each([
    ['statements', '', ALL_STATEMENTS_IN_ORDER],
    ['statements', ', orderBy: { direction: DESC }', [...ALL_STATEMENTS_IN_ORDER].reverse()],
    ['statements', ', orderBy: { field: ID }', [...ALL_STATEMENTS_IN_ORDER].sort()],
    ['statements', ', filter: { mentionsId: "north-korea" }', null],
    ['organizations', '', null],
    ['organizations', ', orderBy: { direction: DESC }', null],
    ['people', '', null],
    ['states', ', orderBy: { field: ID, direction: DESC }', null],
    ['events', '', null],
  ])('visits every node of %s%s exactly once, pages of two', async (field, args, expected) => {
    const { visited, totalCount } = await walk(field, args);
    expect(new Set(visited).size).toBe(visited.length);
    expect(visited.length).toBe(totalCount);
    const { list } = await read(`{ list: ${field}(first: 100${args}) { edges { node { id } } } }`);
    expect(visited).toEqual(nodeIds(list));
    if (expected) expect(visited).toEqual(expected);
  });

  it.each([
    ['mentionsId', 'north-korea'],
    ['mentionsId', 'north-korean-troops-in-russia'],
    ['speakerId', 'antony-blinken'],
    ['speakerId', 'volodymyr-zelenskyy'],
  ])(
    'pages filtered by %s %s (the list that starts from the entity) hold the full list’s statements of that entity, in its order, in both directions and orders',
    async (filter, id) => {
      const everything = `query($orderBy: StatementOrder) { statements(first: 100, orderBy: $orderBy) {
        edges { node { id speakers { ... on Node { id } } mentions(first: 100) { id } } } } }`;
      type Row = { id: string; speakers: Array<{ id: string }>; mentions: Array<{ id: string }> };
      for (const field of ['ORDINAL', 'ID']) {
        for (const direction of ['ASC', 'DESC']) {
          const orderBy = { field, direction };
          const { statements } = await read(everything, { orderBy });
          const expected = (statements.edges as Array<{ node: Row }>)
            .map((e) => e.node)
            .filter((n) =>
              (filter === 'speakerId' ? n.speakers : n.mentions).some((e) => e.id === id),
            )
            .map((n) => n.id);
          expect(expected.length).toBeGreaterThan(3);
          const query = `query($after: String, $orderBy: StatementOrder, $filter: StatementFilter) {
            statements(first: 3, after: $after, orderBy: $orderBy, filter: $filter) {
              totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
          const visited: string[] = [];
          let after: string | null = null;
          for (let pages = 0; pages < 20; pages++) {
            const { statements: list } = await read(query, {
              after,
              orderBy,
              filter: { [filter]: id },
            });
            expect(list.totalCount).toBe(expected.length);
            visited.push(...nodeIds(list));
            if (!list.pageInfo.hasNextPage) break;
            after = list.pageInfo.endCursor;
          }
          expect(visited).toEqual(expected);
        }
      }
    },
  );

  it('continues after an edge cursor taken from the middle of a page', async () => {
    const { statements } = await read(`{ statements(first: 5) { edges { cursor node { id } } } }`);
    const { statements: rest } = await read(
      `query($after: String) { statements(first: 3, after: $after) { edges { node { id } } pageInfo { hasPreviousPage hasNextPage } } }`,
      {
        after: statements.edges[2].cursor,
      },
    );
    expect(nodeIds(rest)).toEqual(ALL_STATEMENTS_IN_ORDER.slice(3, 6));
    expect(rest.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: true });
  });

  it('refuses a page larger than 100', async () => {
    const result = await api.run(`{ people(first: 101) { totalCount } }`);
    const error = onlyError(result);
    expect(error.message).toBe('first: must be an integer from 0 to 100; got 101.');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    // Root lists are nullable: the refused list alone is null.
    expect(result.data).toEqual({ people: null });
  });

  it('refuses a negative page size', async () => {
    const error = onlyError(await api.run(`{ statements(first: -1) { totalCount } }`));
    expect(error.message).toBe('first: must be an integer from 0 to 100; got -1.');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('refuses a page larger than 100 on a relationship field', async () => {
    const error = onlyError(
      await api.run(`{ person(id: "antony-blinken") { statements(first: 101) { id } } }`),
    );
    expect(error.message).toBe('first: must be an integer from 0 to 100; got 101.');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it.each([
    ['garbage', 'not base64 JSON at all'],
    [Buffer.from('[1,2,3]').toString('base64url'), 'an array of the wrong shape'],
    [
      Buffer.from('[4,"blinken-meat-grinder"]').toString('base64url'),
      'a statement cursor (numeric key) given to a list sorted by name',
    ],
  ])('refuses the malformed cursor %s (%s)', async (after) => {
    const error = onlyError(
      await api.run(`query($after: String) { people(after: $after) { totalCount } }`, { after }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).toBe(
      'after: is not a cursor from this list; pass the endCursor of a previous page of the same query.',
    );
  });
});
