/**
 * urql (@urql/core with @urql/exchange-graphcache) against the real server,
 * configured as docs/clients.md says (test/clients/cache-config.ts): the
 * published schema, keys for id-less types, relayPagination, and GET for
 * queries (urql's default) with Apollo's CSRF-preflight header.
 */
import { Client, fetchExchange, gql } from '@urql/core';
import { urqlCacheExchange } from './cache-config';
import {
  ENTITY_PAGE,
  type Sent,
  TEST_TOKEN,
  type TestServer,
  allStatementIds,
  recordingFetch,
  spyOnConsole,
  startTestServer,
} from './support';

let server: TestServer;
let consoleSpy: ReturnType<typeof spyOnConsole>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => {
  consoleSpy = spyOnConsole();
});
afterEach(() => {
  consoleSpy.restore();
});

const clientWith = (sent: Sent[] = []) =>
  new Client({
    url: server.url,
    exchanges: [urqlCacheExchange(), fetchExchange],
    fetch: recordingFetch(sent),
    // urql's default preferGetMethod ('within-url-limit') sends queries as GET: Apollo's CSRF
    // prevention lets a GET through only with a header a cross-site form cannot send.
    fetchOptions: {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${TEST_TOKEN}` },
    },
  });

describe('urql with graphcache and the published schema', () => {
  it('reads an entity page through fragments on Entity and the unions, over GET, with zero warnings', async () => {
    const sent: Sent[] = [];
    const client = clientWith(sent);
    const result = await client.query(gql(ENTITY_PAGE), { id: 'north-korea' }).toPromise();
    expect(result.error).toBeUndefined();
    const data = result.data as any;
    expect(data.entity).toMatchObject({ id: 'north-korea', name: 'North Korea', kind: 'STATE' });
    expect(data.entity.relations.length).toBeGreaterThan(0);
    expect(
      data.search.map((h: any) => h.node).find((n: any) => n.id === 'north-korea'),
    ).toMatchObject({ name: 'North Korea' });
    const cached = await client
      .query(gql(ENTITY_PAGE), { id: 'north-korea' }, { requestPolicy: 'cache-only' })
      .toPromise();
    expect(cached.data).toEqual(result.data);
    expect(sent.map((s) => [s.method, s.status])).toEqual([['GET', 200]]);
    expect(sent[0].cacheControl).toBe('max-age=60, public');
    expect(consoleSpy.messages).toEqual([]);
  });

  it('pages statements to the end with relayPagination: no gaps, no duplicates', async () => {
    const client = clientWith();
    const query = gql`
      query Statements($first: Int, $after: String) {
        statements(first: $first, after: $after) {
          edges {
            cursor
            node {
              id
              text
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `;
    let after: string | null = null;
    let pages = 0;
    let ids: string[] = [];
    for (;;) {
      const result = await client
        .query(query, { first: 5, after }, { requestPolicy: 'network-only' })
        .toPromise();
      expect(result.error).toBeUndefined();
      const { statements } = result.data as any;
      pages += 1;
      ids = statements.edges.map((e: any) => e.node.id);
      if (!statements.pageInfo.hasNextPage) break;
      after = statements.pageInfo.endCursor;
    }
    // relayPagination merges every page into one list.
    expect(pages).toBe(5); // the seed's 23 statements in pages of 5
    expect(ids).toEqual(await allStatementIds(server));
    expect(new Set(ids).size).toBe(ids.length);
    expect(consoleSpy.messages).toEqual([]);
  });

  it('updates the cached person after a mutation (sent as POST)', async () => {
    const sent: Sent[] = [];
    const client = clientWith(sent);
    const person = gql`
      query Person {
        person(id: "antony-blinken") {
          id
          name
          description
        }
      }
    `;
    await client.query(person, {}).toPromise();
    const mutation = await client
      .mutation(
        gql`
          mutation {
            upsertPerson(
              input: {
                id: "antony-blinken"
                name: "Antony Blinken"
                description: "Updated by urql."
              }
            ) {
              id
              description
            }
          }
        `,
        {},
      )
      .toPromise();
    expect(mutation.error).toBeUndefined();
    const cached = await client.query(person, {}, { requestPolicy: 'cache-only' }).toPromise();
    expect((cached.data as any).person.description).toBe('Updated by urql.');
    expect(sent.map((s) => s.method)).toEqual(['GET', 'POST']);
    expect(sent[1].cacheControl).toBe('no-store');
    expect(consoleSpy.messages).toEqual([]);
  });

  it('keeps a good person next to a refused page size', async () => {
    const client = clientWith();
    const result = await client
      .query(
        gql`
          query Partial {
            person(id: "antony-blinken") {
              id
              name
            }
            people(first: 101) {
              totalCount
            }
          }
        `,
        {},
      )
      .toPromise();
    expect((result.data as any).person).toMatchObject({
      id: 'antony-blinken',
      name: 'Antony Blinken',
    });
    expect((result.data as any).people).toBeNull();
    expect(result.error?.graphQLErrors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(consoleSpy.messages).toEqual([]);
  });
});
