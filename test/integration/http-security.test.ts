/**
 * The HTTP server's defences: CSRF prevention, CORS, body size, query limits,
 * timeouts, write authorization, batching, and production hardening.
 */
import { type TestServer, TEST_TOKEN, startTestServer } from '../helpers/server-helper';

type GqlError = { message: string; extensions?: Record<string, unknown> };

const errorsOf = (body: unknown): GqlError[] => (body as { errors?: GqlError[] }).errors ?? [];
const codesOf = (body: unknown): unknown[] => errorsOf(body).map((e) => e.extensions?.code);

describe('HTTP security (development mode)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  describe('CSRF prevention', () => {
    it('refuses a simple GET without a preflight header or content-type: 400 BAD_REQUEST mentioning CSRF', async () => {
      const res = await fetch(`${server.url}?query=${encodeURIComponent('{__typename}')}`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(codesOf(body)).toEqual(['BAD_REQUEST']);
      expect(errorsOf(body)[0]?.message).toMatch(/CSRF|Cross-Site Request Forgery/);
    });

    it('refuses a POST with a simple content-type (text/plain)', async () => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{__typename}' }),
      });
      expect(res.status).toBe(400);
    });

    it('answers a GET with apollo-require-preflight: true', async () => {
      const res = await fetch(`${server.url}?query=${encodeURIComponent('{__typename}')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('CORS', () => {
    it('allows a configured origin', async () => {
      const res = await server.post('{__typename}', {}, { origin: 'http://allowed.example' });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    });

    it('answers a preflight from a configured origin', async () => {
      const res = await fetch(server.url, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://allowed.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    });

    it('gives no access-control-allow-origin to another origin', async () => {
      const res = await server.post('{__typename}', {}, { origin: 'http://evil.example' });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(server.url, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('body size', () => {
    it('answers 413 PAYLOAD_TOO_LARGE for a body over bodyLimitBytes', async () => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{__typename}', variables: { pad: 'x'.repeat(110_000) } }),
      });
      expect(res.status).toBe(413);
      const body = await res.json();
      expect(codesOf(body)).toEqual(['PAYLOAD_TOO_LARGE']);
      expect(errorsOf(body)[0]?.message).toContain('102400');
    });

    it('answers 400 BAD_REQUEST for a body that is not JSON', async () => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": ',
      });
      expect(res.status).toBe(400);
      expect(codesOf(await res.json())).toEqual(['BAD_REQUEST']);
    });
  });

  describe('query limits', () => {
    // Depth counts fields only: the inline fragments below are not levels (so `id` is at depth 8 and 9).
    const depth8 =
      '{ people(first: 1) { edges { node { statements(first: 1) { mentions(first: 1) { ... on Person { statements(first: 1) { mentions(first: 1) { id } } } } } } } } }';
    const depth9 =
      '{ people(first: 1) { edges { node { statements(first: 1) { mentions(first: 1) { ... on Person { statements(first: 1) { mentions(first: 1) { ... on Person { statements(first: 1) { id } } } } } } } } } } }';

    it('refuses depth over 8 with QUERY_TOO_DEEP', async () => {
      const res = await server.post(depth9);
      expect(res.status).toBe(400);
      expect(codesOf(res.body)).toEqual(['QUERY_TOO_DEEP']);
      expect(errorsOf(res.body)[0]?.message).toMatch(/depth limit of 8 exceeded, found 9/);
      expect(errorsOf(res.body)[0]?.message).not.toMatch(/syntax error/i);
    });

    it('counts fields, not fragments: search → Statement → speakers → Person → roles → organization → State → name passes', async () => {
      const res = await server.post(
        '{ search(text: "blinken", first: 3) { node { ... on Statement { speakers { ... on Person { roles { organization { ... on State { name } } } } } } } } }',
      );
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.search.length).toBeGreaterThan(0);
    });

    it('accepts depth 8', async () => {
      const res = await server.post(depth8);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    });

    it('refuses 16 aliases with TOO_MANY_ALIASES, accepts 15', async () => {
      const aliases = (n: number) =>
        Array.from({ length: n }, (_, i) => `a${i}: graphStats { nodes }`).join(' ');
      const refused = await server.post(`{ ${aliases(16)} }`);
      expect(refused.status).toBe(400);
      expect(codesOf(refused.body)).toEqual(['TOO_MANY_ALIASES']);
      expect(errorsOf(refused.body)[0]?.message).toBe(
        'Aliases limit of 15 exceeded, found 16. Use fewer aliases, or send several operations (MAX_ALIASES).',
      );
      const accepted = await server.post(`{ ${aliases(15)} }`);
      expect(accepted.status).toBe(200);
      expect(accepted.body.errors).toBeUndefined();
    });

    it('refuses a token bomb with TOO_MANY_TOKENS and a 400', async () => {
      const res = await server.post(`{ ${'__typename '.repeat(2100)}}`);
      expect(res.status).toBe(400);
      expect(codesOf(res.body)).toEqual(['TOO_MANY_TOKENS']);
      expect(errorsOf(res.body)[0]?.message).toBe(
        'Document contains more than 2000 tokens. Parsing aborted. Send a shorter document (MAX_TOKENS).',
      );
    });

    it('refuses a costly query with QUERY_TOO_COSTLY, reporting cost and limit', async () => {
      const res = await server.post(
        '{ people(first: 100) { edges { node { statements(first: 100) { mentions(first: 100) { name } } } } } }',
      );
      expect(res.status).toBe(400);
      expect(codesOf(res.body)).toEqual(['QUERY_TOO_COSTLY']);
      const ext = errorsOf(res.body)[0]?.extensions ?? {};
      expect(ext.maxCost).toBe(20000);
      expect(ext.cost).toBeGreaterThan(20000);
    });

    it('refuses a page size of 101 with BAD_USER_INPUT naming the argument', async () => {
      const res = await server.post('{ people(first: 101) { totalCount } }');
      expect(codesOf(res.body)).toEqual(['BAD_USER_INPUT']);
      expect(errorsOf(res.body)[0]?.extensions?.argument).toBe('first');
      // Root lists are nullable (partial data survives), so the refused field alone is null.
      expect(res.body.data).toEqual({ people: null });
    });
  });

  describe('write authorization over HTTP', () => {
    const upsert = 'mutation Up($input: EntityInput!) { upsertPerson(input: $input) { id name } }';
    const input = { input: { id: 'http-security-person', name: 'Security Person' } };

    it('refuses a mutation without an Authorization header: UNAUTHENTICATED', async () => {
      const res = await server.post(upsert, input);
      expect(codesOf(res.body)).toEqual(['UNAUTHENTICATED']);
      expect(res.body.data).toBeNull();
    });

    it('refuses a mutation with a wrong token: FORBIDDEN', async () => {
      const res = await server.post(upsert, input, {
        authorization: 'Bearer not-the-right-token-at-all',
      });
      expect(codesOf(res.body)).toEqual(['FORBIDDEN']);
      const check = await server.post('query($id: ID!) { person(id: $id) { id } }', {
        id: 'http-security-person',
      });
      expect(check.body.data.person).toBeNull();
    });

    it('runs a mutation with the right token', async () => {
      const res = await server.post(upsert, input, { authorization: `Bearer ${TEST_TOKEN}` });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.upsertPerson).toEqual({
        id: 'http-security-person',
        name: 'Security Person',
      });
    });
  });

  it('refuses a batched array of operations with 400', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{__typename}' }, { query: '{__typename}' }]),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Array.isArray(body)).toBe(false);
    expect(codesOf(body)).toEqual(['BAD_REQUEST']);
    expect(errorsOf(body)[0]?.message).toMatch(/batching/i);
  });

  it('includes stack traces in development', async () => {
    const res = await server.post('{ people(first: 101) { totalCount } }');
    expect(errorsOf(res.body)[0]?.extensions?.stacktrace).toBeDefined();
  });

  it('serves the landing page to a browser GET in development', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('request timeout', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ queryTimeoutMs: 1 });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('stops a query that needs graph work past its deadline with REQUEST_TIMEOUT', async () => {
    const res = await server.post(
      'query Slow { people(first: 20) { edges { node { name statements(first: 5) { text } } } } }',
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ people: null });
    expect(codesOf(res.body)).toContain('REQUEST_TIMEOUT');
    expect(new Set(codesOf(res.body))).toEqual(new Set(['REQUEST_TIMEOUT']));
  });

  it('still answers queries that need no graph work', async () => {
    const res = await server.post('{ __typename }');
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('production mode', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ production: true, introspection: false, playground: false });
  });

  afterAll(async () => {
    await server.stop();
  });

  const noStacktrace = (body: unknown) => {
    const errors = errorsOf(body);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.extensions ?? {}).not.toHaveProperty('stacktrace');
    expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+|node_modules/);
  };

  it('refuses introspection', async () => {
    const res = await server.post('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(codesOf(res.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errorsOf(res.body)[0]?.message).toMatch(/introspection/i);
    noStacktrace(res.body);
  });

  it('leaves no stacktrace in resolver, validation, limit, CSRF, batching and auth errors', async () => {
    noStacktrace((await server.post('{ people(first: 101) { totalCount } }')).body);
    noStacktrace((await server.post('{ nope }')).body);
    noStacktrace(
      (
        await server.post(
          '{ people(first: 100) { edges { node { statements(first: 100) { mentions(first: 100) { name } } } } } }',
        )
      ).body,
    );
    noStacktrace((await server.post(`{ ${'__typename '.repeat(2100)}}`)).body);
    noStacktrace(
      (await server.post('mutation { upsertPerson(input: { id: "x", name: "X" }) { id } }')).body,
    );
    noStacktrace(
      await (await fetch(`${server.url}?query=${encodeURIComponent('{__typename}')}`)).json(),
    );
    noStacktrace(
      await (
        await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify([{ query: '{__typename}' }]),
        })
      ).json(),
    );
  });

  it('hides field suggestions', async () => {
    const res = await server.post('{ peopl { totalCount } }');
    expect(errorsOf(res.body)[0]?.message).not.toMatch(/Did you mean/);
  });

  it('serves no landing page to a browser GET on /graphql: the request is treated as a (CSRF-blocked) operation', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(codesOf(body)).toEqual(['BAD_REQUEST']);
    expect(JSON.stringify(body)).not.toMatch(/<html|sandbox|embeddable/i);
  });

  it('serves nothing at / (Express 404, no landing page)', async () => {
    const res = await fetch(`${server.origin}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/sandbox|embeddable|apollo/i);
  });

  it('still answers ordinary queries', async () => {
    const res = await server.post('{ graphStats { nodes } }');
    expect(res.status).toBe(200);
    expect(res.body.data.graphStats.nodes).toBeGreaterThan(0);
  });
});
