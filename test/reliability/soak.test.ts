/**
 * Soak: sustained mixed load on the real process (long target only:
 * RELIABILITY_LONG=1; SOAK_SECONDS, default 60; SOAK_CONNECTIONS, default 32).
 *
 * autocannon drives 80% reads and 20% writes against a child-process server
 * on an on-disk embedded graph, after a warm-up. Server memory is sampled from
 * its own /metrics (`process_resident_memory_bytes`).
 *
 * Specification: no failed request (connection error, timeout, non-2xx, or a
 * GraphQL error of any kind); p99 latency recorded; RSS growth after warm-up
 * recorded and bounded (SOAK_MAX_RSS_GROWTH_MB, default 150).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
  CHILD_TOKEN,
  type ChildServer,
  LONG,
  envInt,
  figure,
  printFigures,
  startChildServer,
} from './support';

const SUITE = 'soak';
const SECONDS = envInt('SOAK_SECONDS', 60);
const WARMUP_SECONDS = envInt('SOAK_WARMUP_SECONDS', 10);
const CONNECTIONS = envInt('SOAK_CONNECTIONS', 32);
const MAX_RSS_GROWTH_MB = envInt('SOAK_MAX_RSS_GROWTH_MB', 150);

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const READS = [
  '{ people(first: 20) { totalCount edges { node { id name roles { title } } } } }',
  '{ search(text: "korea", first: 10) { score node { __typename ... on Entity { id name } } } }',
  '{ neighborhood(id: "north-korea", hops: 1, limit: 50) { nodes { id label } edges { type } } }',
  '{ statements(first: 20) { edges { node { id text speaker { __typename } source { id } mentions { id } } } } }',
];

/** A gauge of the server's own /metrics. */
async function gauge(server: ChildServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.origin}/metrics`)).text();
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!match) throw new Error(`${name} is missing from /metrics`);
  return Number(match[1]);
}
const rssBytes = (server: ChildServer) => gauge(server, 'process_resident_memory_bytes');

// Skipped unless RELIABILITY_LONG=1 (`npm run test:reliability`): a minute of load at
// 32 connections is a long-run check, not part of every CI run.
(LONG ? describe : describe.skip)(
  `soak: ${CONNECTIONS} connections, 80% reads / 20% writes, ${SECONDS} s`,
  () => {
    let dir: string | undefined;
    let server: ChildServer;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'kg-soak-'));
      server = await startChildServer({ EMBEDDED_DB_PATH: path.join(dir, 'graph.lbug') });
    });

    afterAll(async () => {
      printFigures(SUITE);
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it(
      'serves every request without error, and memory levels off',
      async () => {
        let graphqlErrors = 0;
        const errorSamples: string[] = [];
        let writes = 0;
        const onResponse = (_status: number, body: string) => {
          if (body.includes('"errors"')) {
            graphqlErrors += 1;
            if (errorSamples.length < 5) errorSamples.push(body.slice(0, 300));
          }
        };
        const headers = {
          'content-type': 'application/json',
          authorization: `Bearer ${CHILD_TOKEN}`,
        };
        const read = (query: string) => ({
          method: 'POST',
          path: '/graphql',
          headers,
          body: JSON.stringify({ query }),
          onResponse,
        });
        const write = {
          method: 'POST',
          path: '/graphql',
          headers,
          onResponse,
          // upserts over a bounded set of ids, plus a link: the graph stays the same size, so RSS growth is not data
          setupRequest: (request: Record<string, unknown>) => {
            const n = writes++ % 200;
            const query =
              n % 2 === 0
                ? `mutation { upsertPerson(input: { id: "soak-${n}", name: "Soak ${n}", description: "at ${Date.now()}" }) { id } }`
                : `mutation { link(input: { type: HOLDS_ROLE, from: "soak-${n - 1}", to: "nato", properties: { title: "t${Date.now()}" } }) { changed } }`;
            return { ...request, body: JSON.stringify({ query }) };
          },
        };
        const requests = [
          read(READS[0] as string),
          read(READS[1] as string),
          write,
          read(READS[2] as string),
          read(READS[3] as string),
        ];
        const url = server.origin;

        // warm-up, then the measured run
        await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, requests });
        const rssAfterWarmup = await rssBytes(server);
        const samples: number[] = [rssAfterWarmup];
        const heapSamples: number[] = [];
        const sampler = setInterval(() => {
          void rssBytes(server)
            .then((b) => samples.push(b))
            .catch(() => undefined);
          void gauge(server, 'nodejs_heap_size_used_bytes')
            .then((b) => heapSamples.push(b))
            .catch(() => undefined);
        }, 5_000);
        graphqlErrors = 0;
        errorSamples.length = 0;
        const result = await autocannon({
          url,
          connections: CONNECTIONS,
          duration: SECONDS,
          requests,
          timeout: 10,
        });
        clearInterval(sampler);
        const rssAtEnd = await rssBytes(server);
        samples.push(rssAtEnd);

        const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
        figure(SUITE, 'load', {
          seconds: SECONDS,
          connections: CONNECTIONS,
          requests: result.requests.total,
          rps: Math.round(result.requests.average),
          writes,
        });
        figure(SUITE, 'failures', {
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          graphqlErrors,
          samples: errorSamples,
        });
        figure(SUITE, 'latency ms', {
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
        });
        figure(SUITE, 'rss MB', {
          afterWarmup: mb(rssAfterWarmup),
          atEnd: mb(rssAtEnd),
          max: mb(Math.max(...samples)),
          growth: mb(rssAtEnd - rssAfterWarmup),
        });
        figure(SUITE, 'rss MB every 5 s', samples.map(mb));
        figure(SUITE, 'JS heap used MB every 5 s', heapSamples.map(mb));

        expect(result.requests.total).toBeGreaterThan(0);
        expect({
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          graphqlErrors,
        }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, graphqlErrors: 0 });
        expect(mb(rssAtEnd - rssAfterWarmup)).toBeLessThan(MAX_RSS_GROWTH_MB);
      },
      (SECONDS + WARMUP_SECONDS + 120) * 1000,
    );
  },
);
