/**
 * The HTTP side browser clients depend on: CORS preflights, GET with Apollo's
 * CSRF prevention intact, Cache-Control, and the published possibleTypes.
 */
import possibleTypes from '../../src/generated/possible-types.json';
import { TEST_TOKEN, type TestServer, startTestServer } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ corsOrigins: ['http://allowed.example'] });
});
afterAll(async () => {
  await server?.stop();
});

const preflight = (origin: string, headers = 'content-type') =>
  fetch(server.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': headers,
    },
  });
const getQuery = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/json', ...headers },
  });

describe('CORS', () => {
  it('answers a preflight from an allowed origin with GET and POST, an explicit header list and a max-age', async () => {
    const res = await preflight('http://allowed.example', 'content-type,authorization');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'content-type,authorization,apollo-require-preflight,x-apollo-operation-name,x-request-id,apollographql-client-name,apollographql-client-version',
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('does not echo a header outside the list, so the browser refuses it', async () => {
    const res = await preflight('http://allowed.example', 'x-evil');
    expect(res.headers.get('access-control-allow-headers')).not.toMatch(/x-evil/);
  });

  it('gives a refused origin no access-control-allow-origin', async () => {
    const res = await preflight('http://refused.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets scripts read x-request-id', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { origin: 'http://allowed.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(res.headers.get('x-request-id')).toEqual(expect.any(String));
  });
});

describe('GET and CSRF prevention', () => {
  it('refuses a GET without a preflight-forcing header (a cross-site link or form could send it)', async () => {
    const res = await getQuery('{ __typename }');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/apollo-require-preflight/);
  });

  it('answers a GET with apollo-require-preflight, cacheable for a minute by anyone', async () => {
    const res = await getQuery('{ statement(id: "blinken-meat-grinder") { text } }', {
      'apollo-require-preflight': 'true',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('max-age=60, public');
    expect(((await res.json()) as any).data.statement.text).toMatch(/meat grinder/);
  });

  it('marks mutations and errors no-store', async () => {
    const mutation = await server.post(
      'mutation { upsertPerson(input: { id: "cache-test", name: "Cache Test" }) { id } }',
      {},
      { authorization: `Bearer ${TEST_TOKEN}` },
    );
    expect(mutation.body.errors).toBeUndefined();
    expect(mutation.headers.get('cache-control')).toBe('no-store');
    const refused = await server.post('{ people(first: 101) { totalCount } }');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const refusedNested = await server.post(
      '{ person(id: "antony-blinken") { name statements(first: 101) { id } } }',
    );
    expect(refusedNested.body.data.person.name).toBe('Antony Blinken');
    expect(refusedNested.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /graphql/possible-types.json', () => {
  it('serves the committed possibleTypes', async () => {
    const res = await fetch(`${server.url}/possible-types.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual(possibleTypes);
    expect(possibleTypes.possibleTypes.Entity).toEqual([
      'Event',
      'Location',
      'MilitaryUnit',
      'Organization',
      'Person',
      'State',
    ]);
  });
});

describe('the playground at GET /graphql', () => {
  const browserGet = (url: string) =>
    fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });

  it('sends browsers the bundled GraphiQL page, whose scripts and styles all come from this origin', async () => {
    const res = await browserGet(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(
      assets.filter((a) => a.startsWith('/graphql/playground/assets/')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(assets.filter((a) => /^(https?:)?\/\//.test(a))).toEqual([]);
    const script = assets.find((a) => a.endsWith('.js')) as string;
    expect((await fetch(`${server.origin}${script}`)).status).toBe(200);
  });

  it('still treats a browser GET with a query as an operation', async () => {
    const res = await browserGet(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.headers.get('content-type')).not.toMatch(/text\/html/);
  });

  it('is served in production only with PLAYGROUND=true, together with introspection', async () => {
    const production = await startTestServer({
      production: true,
      playground: true,
      introspection: true,
    });
    try {
      expect((await browserGet(production.url)).headers.get('content-type')).toMatch(/text\/html/);
      const schema = await production.post('{ __schema { queryType { name } } }');
      expect(schema.body.data.__schema.queryType.name).toBe('Query');
    } finally {
      await production.stop();
    }
  });
});
