/**
 * The shared response cache (src/server/response-cache.ts) in this process,
 * on the real server and the real embedded engine: repeated public queries
 * are answered without the graph, every committed write makes older entries
 * unreachable, and a read issued after a write's response always reflects
 * that write, also with writers and readers interleaved.
 */
import { metricSample, scrapeMetrics } from '../helpers/metrics-helper';
import { TEST_TOKEN, type TestServer, startTestServer } from '../helpers/server-helper';

const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };
const PERSON = 'query Person($id: ID!) { person(id: $id) { id name } }';
const UPSERT =
  'mutation Upsert($id: ID!, $name: String!) { upsertPerson(input: { id: $id, name: $name }) { id name } }';

async function upsert(server: TestServer, id: string, name: string): Promise<void> {
  const res = await server.post(UPSERT, { id, name }, AUTH);
  expect(res.body).toEqual({ data: { upsertPerson: { id, name } } });
}

async function nameOf(server: TestServer, id: string): Promise<string | undefined> {
  const res = await server.post(PERSON, { id });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.person?.name;
}

describe('response cache in this process', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await upsert(server, 'cache-person', 'First name');
  });

  afterAll(async () => {
    await server.stop();
  });

  it('answers a repeated public query from the cache, without a graph query', async () => {
    const first = await server.post(PERSON, { id: 'cache-person' });
    const queriesBefore = server.graph.port.stats.total();
    const second = await server.post(PERSON, { id: 'cache-person' });
    expect(second.body).toEqual(first.body);
    expect(second.body).toEqual({ data: { person: { id: 'cache-person', name: 'First name' } } });
    expect(server.graph.port.stats.total()).toBe(queriesBefore);
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('keys entries by the Accept header: each client gets the content type it asked for', async () => {
    const asked = async (accept: string) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: PERSON, variables: { id: 'cache-person' } }),
      });
      await res.json();
      return res.headers.get('content-type');
    };
    expect(await asked('application/graphql-response+json')).toMatch(
      /^application\/graphql-response\+json/,
    );
    expect(await asked('application/json')).toMatch(/^application\/json/);
    // Both are in the cache now, each with its own type.
    expect(await asked('application/graphql-response+json')).toMatch(
      /^application\/graphql-response\+json/,
    );
    expect(await asked('application/json')).toMatch(/^application\/json/);
  });

  it('ignores request extensions (client names) in the key', async () => {
    const body = (extensions: unknown) =>
      JSON.stringify({ query: PERSON, variables: { id: 'cache-person' }, extensions });
    const post = (extensions: unknown) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(extensions),
      });
    await (await post({ clientLibrary: { name: 'a', version: '1' } })).json();
    const queriesBefore = server.graph.port.stats.total();
    const again = await post({ clientLibrary: { name: 'b', version: '2' } });
    expect(await again.json()).toEqual({
      data: { person: { id: 'cache-person', name: 'First name' } },
    });
    expect(again.headers.get('age')).toMatch(/^\d+$/);
    expect(server.graph.port.stats.total()).toBe(queriesBefore);
  });

  it('leaves GET queries to Apollo, whose CSRF check they need', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ person(id: "cache-person") { id } }')}`;
    const headers = { 'apollo-require-preflight': 'true' };
    await (await fetch(url, { headers })).json();
    const second = await fetch(url, { headers });
    expect(await second.json()).toEqual({ data: { person: { id: 'cache-person' } } });
    expect(second.headers.get('age')).toBeNull();
    expect(second.headers.get('cache-control')).toBe('max-age=60, public');
    // Without the header, Apollo refuses it as before: a cached answer must not bypass that.
    expect((await fetch(url)).status).toBe(400);
  });

  it('keys entries by variables: another id is a miss with its own answer', async () => {
    await upsert(server, 'cache-other', 'Other person');
    expect(await nameOf(server, 'cache-other')).toBe('Other person');
    expect(await nameOf(server, 'cache-person')).toBe('First name');
  });

  it('serves the new data on the first read after a mutation', async () => {
    expect(await nameOf(server, 'cache-person')).toBe('First name');
    expect(await nameOf(server, 'cache-person')).toBe('First name');
    await upsert(server, 'cache-person', 'Second name');
    expect(await nameOf(server, 'cache-person')).toBe('Second name');
  });

  it('never caches mutations, and marks them no-store', async () => {
    const a = await server.post(UPSERT, { id: 'cache-person', name: 'Third name' }, AUTH);
    const b = await server.post(UPSERT, { id: 'cache-person', name: 'Third name' }, AUTH);
    expect(a.headers.get('cache-control')).toBe('no-store');
    expect(b.headers.get('age')).toBeNull();
    expect(await nameOf(server, 'cache-person')).toBe('Third name');
  });

  it('does not cache responses with errors', async () => {
    const bad =
      '{ person(id: "cache-person") { id name } tooDeep: people(first: -1) { totalCount } }';
    const first = await server.post(bad);
    expect(first.body.errors).toBeDefined();
    const second = await server.post(bad);
    expect(second.body.errors).toBeDefined();
    expect(second.headers.get('age')).toBeNull();
    expect(second.headers.get('cache-control')).toBe('no-store');
  });

  it('counts hits and misses in /metrics, with the hit ratio', async () => {
    const before = await scrapeMetrics(server.origin);
    await server.post(PERSON, { id: 'metrics-person' });
    await server.post(PERSON, { id: 'metrics-person' });
    await server.post(PERSON, { id: 'metrics-person' });
    const after = await scrapeMetrics(server.origin);
    const store = { store: 'memory' };
    const delta = (name: string) =>
      metricSample(after, name, store) - metricSample(before, name, store);
    expect(delta('response_cache_misses_total')).toBe(1);
    expect(delta('response_cache_hits_total')).toBe(2);
    const hits = metricSample(after, 'response_cache_hits_total', store);
    const misses = metricSample(after, 'response_cache_misses_total', store);
    expect(metricSample(after, 'response_cache_hit_ratio', store)).toBeCloseTo(
      hits / (hits + misses),
      10,
    );
    expect(metricSample(after, 'response_cache_evictions_total', store)).toBe(0);
  });

  it('never lets a read issued after a write see older data, with writers and readers interleaved', async () => {
    const WRITERS = 4;
    const WRITES = 15;
    const READERS = 6;
    const ids = Array.from({ length: WRITERS }, (_, w) => `race-${w}`);
    for (const id of ids) await upsert(server, id, `${id} v0`);
    // acknowledged[w]: the newest version of writer w whose response has arrived.
    const acknowledged = ids.map(() => 0);
    let writing = true;
    const stale: string[] = [];
    let reads = 0;
    const hitsBefore = metricSample(
      await scrapeMetrics(server.origin),
      'response_cache_hits_total',
    );

    const writer = async (w: number) => {
      for (let v = 1; v <= WRITES; v += 1) {
        await upsert(server, ids[w]!, `${ids[w]} v${v}`);
        acknowledged[w] = v;
      }
    };
    const reader = async (r: number) => {
      let i = r;
      while (writing) {
        const w = i++ % WRITERS;
        const mustSee = acknowledged[w]!;
        const name = await nameOf(server, ids[w]!);
        const seen = Number(/ v(\d+)$/.exec(name ?? '')?.[1]);
        reads += 1;
        if (!(seen >= mustSee))
          stale.push(`${ids[w]}: read v${seen} after v${mustSee} was acknowledged`);
      }
    };
    const readers = Array.from({ length: READERS }, (_, r) => reader(r));
    await Promise.all(ids.map((_, w) => writer(w)));
    writing = false;
    await Promise.all(readers);

    expect(stale).toEqual([]);
    expect(reads).toBeGreaterThan(WRITERS * WRITES);
    for (const id of ids) expect(await nameOf(server, id)).toBe(`${id} v${WRITES}`);
    // The cache was in play: some reads between writes were hits.
    const hitsAfter = metricSample(await scrapeMetrics(server.origin), 'response_cache_hits_total');
    expect(hitsAfter).toBeGreaterThan(hitsBefore);
  }, 60_000);
});

describe('response cache bounds', () => {
  it('evicts least recently used entries beyond its byte bound, and counts the evictions', async () => {
    const server = await startTestServer({
      responseCache: { enabled: true, maxBytes: 2_000, redisUrl: undefined },
    });
    try {
      // An entry (`{"person":null}`, its policy and time) is about 95 bytes: 30 need about 2,850.
      for (let i = 0; i < 30; i += 1) await server.post(PERSON, { id: `nobody-${i}` });
      const text = await scrapeMetrics(server.origin);
      expect(
        metricSample(text, 'response_cache_evictions_total', { store: 'memory' }),
      ).toBeGreaterThanOrEqual(5);
      // The first entries were evicted: asking again is a miss that reaches the graph.
      const before = server.graph.port.stats.total();
      await server.post(PERSON, { id: 'nobody-0' });
      expect(server.graph.port.stats.total()).toBeGreaterThan(before);
    } finally {
      await server.stop();
    }
  });

  it('is absent with RESPONSE_CACHE=off: every read reaches the graph', async () => {
    const server = await startTestServer({
      responseCache: { enabled: false, maxBytes: 2_000, redisUrl: undefined },
    });
    try {
      await server.post(PERSON, { id: 'nobody' });
      const before = server.graph.port.stats.total();
      const again = await server.post(PERSON, { id: 'nobody' });
      expect(server.graph.port.stats.total()).toBeGreaterThan(before);
      expect(again.headers.get('age')).toBeNull();
      const text = await scrapeMetrics(server.origin);
      expect(metricSample(text, 'response_cache_hits_total')).toBeNaN();
    } finally {
      await server.stop();
    }
  });
});
