/**
 * Apollo Client 4 against the real server, configured as docs/clients.md says
 * (test/clients/cache-config.ts): fragments on interfaces and unions, Relay
 * pagination, mutations updating the cache, APQ over GET, partial data.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { apolloCache } from './cache-config';
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

loadDevMessages();
loadErrorMessages();

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

const clientWith = (cache: InMemoryCache, sent: Sent[] = []) =>
  new ApolloClient({
    cache,
    link: new HttpLink({
      uri: server.url,
      fetch: recordingFetch(sent),
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    }),
  });

describe('Apollo Client with the published possibleTypes', () => {
  it('reads an entity page through fragments on Entity and the unions, from the network and again from the cache, with zero warnings', async () => {
    const client = clientWith(apolloCache());
    const query = gql(ENTITY_PAGE);
    const first = await client.query({ query, variables: { id: 'north-korea' } });
    const again = await client.query({
      query,
      variables: { id: 'north-korea' },
      fetchPolicy: 'cache-only',
    });
    expect(again.data).toEqual(first.data);
    const data = first.data as any;
    expect(data.entity).toMatchObject({
      __typename: 'State',
      id: 'north-korea',
      name: 'North Korea',
      kind: 'STATE',
    });
    expect(data.entity.relations.length).toBeGreaterThan(0);
    expect(data.entity.mentionedIn[0].speakers[0].name).toEqual(expect.any(String));
    const hits = data.search.map((h: any) => h.node);
    expect(hits.find((n: any) => n.id === 'north-korea')).toMatchObject({
      name: 'North Korea',
      kind: 'STATE',
    });
    expect(consoleSpy.messages).toEqual([]);
  });

  it('silently drops what fragments on Entity select without possibleTypes (what the published file prevents)', async () => {
    const client = clientWith(new InMemoryCache());
    const { data } = (await client.query({
      query: gql(ENTITY_PAGE),
      variables: { id: 'north-korea' },
    })) as any;
    expect(data.entity.__typename).toBe('State');
    expect(data.entity.name).toBeUndefined();
  });

  it('pages statements to the end with relayStylePagination: no gaps, no duplicates', async () => {
    const client = clientWith(apolloCache());
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
    for (;;) {
      const { data } = (await client.query({
        query,
        variables: { first: 5, after },
        fetchPolicy: 'network-only',
      })) as any;
      pages += 1;
      if (!data.statements.pageInfo.hasNextPage) break;
      after = data.statements.pageInfo.endCursor;
    }
    const merged = client.readQuery({ query, variables: { first: 5 } }) as any;
    const ids = merged.statements.edges.map((e: any) => e.node.id);
    expect(pages).toBe(5); // the seed's 23 statements in pages of 5
    expect(ids).toEqual(await allStatementIds(server));
    expect(new Set(ids).size).toBe(ids.length);
    expect(consoleSpy.messages).toEqual([]);
  });

  it('updates the cached person after a mutation, and a cached deployment from link by its edge id', async () => {
    const client = clientWith(apolloCache());
    const person = gql`
      query Person {
        person(id: "antony-blinken") {
          id
          name
          description
        }
      }
    `;
    await client.query({ query: person });
    await client.mutate({
      mutation: gql`
        mutation {
          upsertPerson(
            input: {
              id: "antony-blinken"
              name: "Antony Blinken"
              description: "Updated by the client suite."
            }
          ) {
            id
            description
          }
        }
      `,
    });
    expect((client.readQuery({ query: person }) as any).person.description).toBe(
      'Updated by the client suite.',
    );

    const unit = gql`
      query Unit {
        militaryUnit(id: "north-korean-troops-in-russia") {
          id
          deployments {
            id
            status
            location {
              ... on Location {
                id
              }
              ... on State {
                id
              }
            }
          }
        }
      }
    `;
    const { data } = (await client.query({ query: unit })) as any;
    const deployment = data.militaryUnit.deployments[0];
    await client.mutate({
      mutation: gql`
        mutation ($input: LinkInput!) {
          link(input: $input) {
            changed
            edge {
              id
              properties
            }
          }
        }
      `,
      variables: {
        input: {
          type: 'DEPLOYED_TO',
          from: 'north-korean-troops-in-russia',
          to: deployment.location.id,
          properties: { status: 'redeployed' },
        },
      },
      update(cache, { data: result }) {
        const edge = (result as any).link.edge;
        cache.modify({
          id: cache.identify({ __typename: 'Deployment', id: edge.id }),
          fields: { status: () => edge.properties.status },
        });
      },
    });
    const cached = client.readQuery({ query: unit }) as any;
    expect(cached.militaryUnit.deployments.find((d: any) => d.id === deployment.id).status).toBe(
      'redeployed',
    );
    expect(consoleSpy.messages).toEqual([]);
  });

  it('sends persisted queries over GET: a miss registers the query once, then a GET alone answers, cacheable', async () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const query = gql`
      query Quote {
        statement(id: "blinken-meat-grinder") {
          id
          text
        }
      }
    `;
    const run = async () => {
      const sent: Sent[] = [];
      const apq = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
      // GET needs a header that a cross-site form cannot send (Apollo's CSRF prevention).
      const client = new ApolloClient({
        cache: apolloCache(),
        link: apq.concat(
          new HttpLink({
            uri: server.url,
            fetch: recordingFetch(sent),
            headers: { 'apollo-require-preflight': 'true' },
          }),
        ),
      });
      const { data } = (await client.query({ query })) as any;
      expect(data.statement.text).toMatch(/meat grinder/);
      return sent;
    };
    const firstRun = await run();
    expect(firstRun.map((s) => s.method)).toEqual(['GET', 'POST']);
    const secondRun = await run();
    expect(secondRun.map((s) => [s.method, s.status])).toEqual([['GET', 200]]);
    expect(secondRun[0].url).toMatch(/extensions=.*persistedQuery/);
    expect(secondRun[0].url).not.toMatch(/[?&]query=/);
    expect(secondRun[0].cacheControl).toBe('max-age=60, public');
    expect(consoleSpy.messages).toEqual([]);
  });

  it("keeps a good person next to a refused page size with errorPolicy: 'all'", async () => {
    const client = clientWith(apolloCache());
    const result = await client.query({
      query: gql`
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
      errorPolicy: 'all',
    });
    expect((result.data as any).person).toEqual({
      __typename: 'Person',
      id: 'antony-blinken',
      name: 'Antony Blinken',
    });
    expect((result.data as any).people).toBeNull();
    expect(CombinedGraphQLErrors.is(result.error)).toBe(true);
    expect((result.error as CombinedGraphQLErrors).errors.map((e) => e.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(consoleSpy.messages).toEqual([]);
  });
});
