/**
 * The response cache shared through Redis (REDIS_URL): two real servers over
 * one embedded graph stand for two instances. They share cached responses and
 * the graph version, so a write through one is seen by the next read through
 * the other. Runs against a real redis-server on a free port; skipped, saying
 * so, when the binary is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type Graph, QueryStats } from '../../src/graph';
import { type RunningServer, startHttpServer } from '../../src/server/http-server';
import {
  GRAPH_VERSION_KEY,
  bumpSharedGraphVersion,
  connectRedis,
} from '../../src/server/response-cache';
import { type TestGraph, openTestGraph } from '../helpers/graph-helper';
import { metricSample, scrapeMetrics } from '../helpers/metrics-helper';
import { type TestRedis, redisAvailable, startRedis } from '../helpers/redis-helper';
import { REPO_ROOT } from '../helpers/process-helper';
import { DEFAULT_TEST_CONFIG, TEST_TOKEN } from '../helpers/server-helper';

const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };
const PERSON = 'query Person($id: ID!) { person(id: $id) { id name } }';
const UPSERT =
  'mutation Upsert($id: ID!, $name: String!) { upsertPerson(input: { id: $id, name: $name }) { id name } }';

const HAVE_REDIS = redisAvailable();
if (!HAVE_REDIS)
  console.warn(
    'response-cache-redis: skipped, redis-server is not installed (apt-get install redis-server)',
  );
const describeWithRedis = HAVE_REDIS ? describe : describe.skip;

/**
 * The graph as another instance sees it: no `close` (the test closes it once),
 * and its own QueryStats, so this instance's count of commits never sees the
 * other's writes; only the version in Redis can tell it.
 */
function asAnotherInstance(graph: Graph): Graph {
  const port = graph.port;
  const stats = new QueryStats();
  // Like an adapter of its own: counts the commits made through this instance only.
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    const result = await work();
    stats.recordCommit();
    return result;
  };
  return {
    ...graph,
    port: {
      engine: port.engine,
      stats,
      read: (q, p, o) => port.read(q, p, o),
      write: (q, p, o) => counted(() => port.write(q, p, o)),
      writeTransaction: (w, o) => counted(() => port.writeTransaction(w, o)),
      close: async () => undefined,
    },
  };
}

async function post(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function upsert(server: RunningServer, id: string, name: string): Promise<void> {
  const res = await post(server, UPSERT, { id, name }, AUTH);
  expect(res.body).toEqual({ data: { upsertPerson: { id, name } } });
}

async function nameOf(server: RunningServer, id: string): Promise<string | undefined> {
  const res = await post(server, PERSON, { id });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.person?.name;
}

const origin = (server: RunningServer) => server.url.replace(/\/graphql$/, '');

async function readVersion(url: string): Promise<number> {
  const client = await connectRedis(url);
  try {
    return Number(await client.get(GRAPH_VERSION_KEY));
  } finally {
    client.destroy();
  }
}

describeWithRedis('response cache shared through Redis', () => {
  let redis: TestRedis;
  let graph: TestGraph;
  let a: RunningServer;
  let b: RunningServer;

  const start = () =>
    startHttpServer(
      {
        ...DEFAULT_TEST_CONFIG,
        responseCache: { enabled: true, maxBytes: 2 ** 20, redisUrl: redis.url },
      },
      asAnotherInstance(graph.graph),
      pino({ level: 'silent' }),
    );

  beforeAll(async () => {
    redis = await startRedis();
    graph = await openTestGraph();
    a = await start();
    b = await start();
    await upsert(a, 'shared-person', 'Name 1');
  });

  afterAll(async () => {
    await a?.shutdown();
    await b?.shutdown();
    await graph?.close();
    await redis?.stop();
  });

  it('answers a read on one instance from the entry the other instance stored', async () => {
    expect(await nameOf(a, 'shared-person')).toBe('Name 1');
    const before = await scrapeMetrics(origin(b));
    const queriesBefore = graph.graph.port.stats.total();
    const res = await post(b, PERSON, { id: 'shared-person' });
    expect(res.body).toEqual({ data: { person: { id: 'shared-person', name: 'Name 1' } } });
    expect(res.headers.get('age')).toMatch(/^\d+$/);
    expect(graph.graph.port.stats.total()).toBe(queriesBefore);
    const after = await scrapeMetrics(origin(b));
    const store = { store: 'redis' };
    expect(
      metricSample(after, 'response_cache_hits_total', store) -
        metricSample(before, 'response_cache_hits_total', store),
    ).toBe(1);
    // Redis evicts by itself; its count is reported (0 here: no maxmemory).
    expect(metricSample(after, 'response_cache_redis_evicted_keys')).toBe(0);
  });

  it('serves a write through one instance on the next read through the other', async () => {
    for (let v = 2; v <= 6; v += 1) {
      expect(await nameOf(b, 'shared-person')).toBe(`Name ${v - 1}`);
      await upsert(a, 'shared-person', `Name ${v}`);
      expect(await nameOf(b, 'shared-person')).toBe(`Name ${v}`);
      expect(await nameOf(a, 'shared-person')).toBe(`Name ${v}`);
    }
  });

  it('moves the shared version on at start and for writers outside the server', async () => {
    const before = await readVersion(redis.url);
    const c = await start();
    await c.shutdown();
    const afterStart = await readVersion(redis.url);
    expect(afterStart).toBe(before + 1);
    await bumpSharedGraphVersion(redis.url);
    expect(await readVersion(redis.url)).toBe(afterStart + 1);
  });

  it('has npm run seed move the shared version on when REDIS_URL is set', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-seed-redis-'));
    try {
      const before = await readVersion(redis.url);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        EMBEDDED_DB_PATH: path.join(dir, 'graph.lbug'),
        REDIS_URL: redis.url,
      };
      delete env.NEO4J_URI;
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/seed.ts')],
        { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(await readVersion(redis.url)).toBe(before + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('never lets a read issued after a write see older data, with both instances writing and reading', async () => {
    const servers = [a, b];
    const ids = ['redis-race-0', 'redis-race-1', 'redis-race-2'];
    const WRITES = 10;
    for (const id of ids) await upsert(a, id, `${id} v0`);
    const acknowledged = ids.map(() => 0);
    let writing = true;
    const stale: string[] = [];
    let reads = 0;
    const writer = async (w: number) => {
      for (let v = 1; v <= WRITES; v += 1) {
        await upsert(servers[(w + v) % 2]!, ids[w]!, `${ids[w]} v${v}`);
        acknowledged[w] = v;
      }
    };
    const reader = async (r: number) => {
      let i = r;
      while (writing) {
        const w = i % ids.length;
        const server = servers[i % 2]!;
        i += 1;
        const mustSee = acknowledged[w]!;
        const name = await nameOf(server, ids[w]!);
        const seen = Number(/ v(\d+)$/.exec(name ?? '')?.[1]);
        reads += 1;
        if (!(seen >= mustSee))
          stale.push(`${ids[w]}: read v${seen} after v${mustSee} was acknowledged`);
      }
    };
    const readers = [0, 1, 2, 3].map(reader);
    await Promise.all(ids.map((_, w) => writer(w)));
    writing = false;
    await Promise.all(readers);
    expect(stale).toEqual([]);
    expect(reads).toBeGreaterThan(ids.length * WRITES);
  }, 60_000);
});

describeWithRedis('response cache when Redis goes away', () => {
  it('keeps answering reads and writes from the graph, and counts the cache errors', async () => {
    const redis = await startRedis();
    const graph = await openTestGraph();
    const server = await startHttpServer(
      {
        ...DEFAULT_TEST_CONFIG,
        responseCache: { enabled: true, maxBytes: 2 ** 20, redisUrl: redis.url },
      },
      graph.graph,
      pino({ level: 'silent' }),
    );
    try {
      await upsert(server, 'lonely', 'Before');
      expect(await nameOf(server, 'lonely')).toBe('Before');
      await redis.stop();
      expect(await nameOf(server, 'lonely')).toBe('Before');
      await upsert(server, 'lonely', 'After');
      expect(await nameOf(server, 'lonely')).toBe('After');
      // /metrics still answers with Redis gone.
      const text = await scrapeMetrics(origin(server));
      expect(
        metricSample(text, 'response_cache_errors_total', { store: 'redis', operation: 'version' }),
      ).toBeGreaterThanOrEqual(2);
    } finally {
      await server.shutdown();
      await redis.stop();
    }
  });
});
