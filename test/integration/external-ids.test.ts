/**
 * External identifiers on entities (issue 16, item 2), over GraphQL on the
 * real embedded engine: set through the upsert inputs, read back with their
 * page, found by `search` by their exact id, checked per scheme
 * (BAD_USER_INPUT), carried over by `mergeEntities`, and added as a column to
 * entity tables of a database created before them.
 */
import { applySchema } from '../../src/graph';
import { type Api, TOKEN, apiOver, codesOf, openApi } from '../helpers/api-helper';
import { openTestGraph } from '../helpers/graph-helper';

const UPSERT_PERSON = /* GraphQL */ `
  mutation ($input: EntityInput!) {
    upsertPerson(input: $input) {
      id
      externalIds {
        scheme
        id
        url
      }
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query ($text: String!) {
    search(text: $text) {
      score
      node {
        __typename
        ... on Entity {
          id
        }
      }
    }
  }
`;
const BLINKEN_WIKIDATA = {
  scheme: 'wikidata',
  id: 'Q6279',
  url: 'https://www.wikidata.org/wiki/Q6279',
};

let api: Api;
beforeAll(async () => {
  api = await openApi({ seed: true });
});
afterAll(() => api.close());

const upsertPerson = (input: Record<string, unknown>) =>
  api.run(UPSERT_PERSON, { input }, { token: TOKEN });

describe('external ids on entities', () => {
  it('are empty for an entity that has none, on every entity type', async () => {
    const data = await api.read(
      `{ person(id: "antony-blinken") { externalIds { id } } state(id: "north-korea") { externalIds { id } } }`,
    );
    expect(data).toEqual({ person: { externalIds: [] }, state: { externalIds: [] } });
  });

  it('are set through the upsert input (scheme case ignored) and read back with the page of each', async () => {
    const result = await upsertPerson({
      id: 'antony-blinken',
      name: 'Antony Blinken',
      externalIds: [{ scheme: 'Wikidata', id: ' Q6279 ' }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertPerson.externalIds).toEqual([BLINKEN_WIKIDATA]);
    const data = await api.read(
      `{ entity(id: "antony-blinken") { name aliases externalIds { scheme id url } } }`,
    );
    expect(data.entity.externalIds).toEqual([BLINKEN_WIKIDATA]);
    // The rest of the entity is as it was.
    expect(data.entity.aliases).toContain('Blinken');
  });

  it('are kept by an upsert that leaves them out, and cleared by []', async () => {
    await upsertPerson({
      id: 'test-kept',
      name: 'Kept Person',
      externalIds: [{ scheme: 'wikidata', id: 'Q42' }],
    });
    const kept = await upsertPerson({
      id: 'test-kept',
      name: 'Kept Person',
      description: 'changed',
    });
    expect(kept.data.upsertPerson.externalIds.map((e: any) => e.id)).toEqual(['Q42']);
    const nulled = await upsertPerson({ id: 'test-kept', name: 'Kept Person', externalIds: null });
    expect(nulled.data.upsertPerson.externalIds.map((e: any) => e.id)).toEqual(['Q42']);
    const cleared = await upsertPerson({ id: 'test-kept', name: 'Kept Person', externalIds: [] });
    expect(cleared.data.upsertPerson.externalIds).toEqual([]);
  });

  it('make the entity searchable by its exact id, as the best hit, in any case', async () => {
    for (const text of ['Q6279', 'q6279']) {
      const { search } = await api.read(SEARCH, { text });
      expect(search[0]).toEqual({ score: 1, node: { __typename: 'Person', id: 'antony-blinken' } });
    }
    // Another id finds nothing of Blinken's.
    const { search } = await api.read(SEARCH, { text: 'Q627999' });
    expect(search.map((h: any) => h.node.id)).not.toContain('antony-blinken');
  });

  it.each([
    [
      'an unknown scheme',
      [{ scheme: 'imdb', id: 'nm0000001' }],
      'input.externalIds[0].scheme',
      '"imdb" is not a known scheme; use one of: wikidata.',
    ],
    [
      'a malformed Wikidata id',
      [{ scheme: 'wikidata', id: 'Q06279' }],
      'input.externalIds[0].id',
      '"Q06279" is not a Wikidata item id: Q and a number without leading zeros, e.g. "Q6279".',
    ],
    [
      'a property id instead of an item',
      [{ scheme: 'wikidata', id: 'P31' }],
      'input.externalIds[0].id',
      '"P31" is not a Wikidata item id: Q and a number without leading zeros, e.g. "Q6279".',
    ],
    [
      'two ids of one scheme',
      [
        { scheme: 'wikidata', id: 'Q1' },
        { scheme: 'wikidata', id: 'Q2' },
      ],
      'input.externalIds[1].scheme',
      'gives a second wikidata id ("Q2" after "Q1"); an entity has at most one id per scheme.',
    ],
    [
      'more than 20',
      Array.from({ length: 21 }, (_, i) => ({ scheme: 'wikidata', id: `Q${i + 1}` })),
      'input.externalIds',
      'accepts at most 20 external ids; got 21.',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT, writing nothing',
    async (_what, externalIds, argument, message) => {
      const result = await upsertPerson({ id: 'test-refused', name: 'Refused', externalIds });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toContain(`${argument}: ${message}`);
      expect((await api.read(`{ entity(id: "test-refused") { id } }`)).entity).toBeNull();
    },
  );

  it('are carried over by mergeEntities: the kept entity’s own, and the merged one’s for schemes it lacks', async () => {
    await upsertPerson({ id: 'test-keep', name: 'Keep Me' });
    await upsertPerson({
      id: 'test-merge',
      name: 'Merge Me',
      externalIds: [{ scheme: 'wikidata', id: 'Q777' }],
    });
    const merged = await api.run(
      `mutation { mergeEntities(keep: "test-keep", merge: "test-merge") { entity { ... on Person { externalIds { id } } } } }`,
      {},
      { token: TOKEN },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeEntities.entity.externalIds).toEqual([{ id: 'Q777' }]);
    const { search } = await api.read(SEARCH, { text: 'Q777' });
    expect(search[0].node.id).toBe('test-keep');
  });
});

describe('the externalIds column on an older database', () => {
  it('is added to the entity tables by applying the schema; existing entities read as having none, and can be given some', async () => {
    const test = await openTestGraph({ seed: false });
    const run = (text: string) => test.graph.port.write({ name: 'migration-test', text });
    // The Person table as it was before external ids: the column dropped, a person already stored.
    await run('ALTER TABLE Person DROP externalIds');
    await run(
      "CREATE (:Person {id: 'old-person', name: 'Old Person', aliases: ['Oldie'], search: 'old person | oldie'})",
    );
    await expect(
      test.graph.port.read({
        name: 'migration-test',
        text: 'MATCH (n:Person) RETURN n.externalIds AS x',
      }),
    ).rejects.toThrow();

    await applySchema(test.graph);

    const old = await apiOver(test.graph, () => test.close());
    try {
      expect(
        (await old.read(`{ person(id: "old-person") { name aliases externalIds { id } } }`)).person,
      ).toEqual({ name: 'Old Person', aliases: ['Oldie'], externalIds: [] });
      const set = await old.run(
        UPSERT_PERSON,
        {
          input: {
            id: 'old-person',
            name: 'Old Person',
            externalIds: [{ scheme: 'wikidata', id: 'Q5' }],
          },
        },
        { token: TOKEN },
      );
      expect(set.errors).toBeUndefined();
      expect(set.data.upsertPerson.externalIds).toEqual([
        { scheme: 'wikidata', id: 'Q5', url: 'https://www.wikidata.org/wiki/Q5' },
      ]);
      expect((await old.read(SEARCH, { text: 'Q5' })).search[0].node.id).toBe('old-person');
    } finally {
      await old.close();
    }
  });
});
