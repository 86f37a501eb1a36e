/**
 * Analytics bench: `npm run bench:analytics [-- --scale=M] [--reps=N]`.
 *
 * On a seeded synthetic graph (bench/synthetic-graph.ts, default scale M =
 * 100k entities + statements) bulk-loaded into the embedded engine:
 * 1. PageRank on the co-mention projection, cold (one projection query plus
 *    graphology), split into fetch and compute; then the cached answer, both
 *    in process and as a GraphQL request over HTTP.
 * 2. `POST /cypher` against the CLI's path for the same query: the CLI runs
 *    `port.read(..., {untrusted: true})`; the endpoint adds the parser guard,
 *    JSON and HTTP. Medians of `--reps` runs each.
 * Prints a Markdown table and writes bench/results/<timestamp>-analytics.md.
 * Goals (issue 14): PageRank at M under 5 s, cached answers under 10 ms.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { centrality } from '../src/analytics/algorithms';
import { analyticsFor } from '../src/analytics/graph-analytics';
import { fetchProjection } from '../src/analytics/projections';
import { applySchema, createQueries, openGraph } from '../src/graph';
import { startHttpServer } from '../src/server/http-server';
import { BENCH_SERVER_CONFIG } from './http-load';
import { peakRssMb } from './measure';
import { bulkLoad, generateGraph } from './synthetic-graph';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SCALES: Record<string, number> = { S: 10_000, M: 100_000, L: 1_000_000 };
const SCALE = option('scale', 'M');
const REPS = Number(option('reps', '20'));
const TOKEN = 'bench-analyst-token-0123456789';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)] as number);
};
const round = (x: number) => Math.round(x * 100) / 100;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

async function repeat(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) times.push((await timed(work))[1]);
  return median(times);
}

async function main(): Promise<void> {
  const size = SCALES[SCALE];
  if (!size)
    throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}; got ${SCALE}.`);
  const data = generateGraph(size, 42);
  const dir = mkdtempSync(path.join(tmpdir(), `kg-bench-analytics-${SCALE}-`));
  const graph = await openGraph({
    engine: 'embedded',
    path: path.join(dir, 'graph.lbug'),
    queryTimeoutMs: 120_000,
  });
  const rows: Array<[string, string]> = [];
  try {
    await applySchema(graph);
    const load = await bulkLoad(graph, data);
    rows.push([
      'graph',
      `${load.nodes} nodes, ${load.relationships} relationships (scale ${SCALE})`,
    ]);

    // 1. PageRank on the co-mention projection: each part on its own, then through the cache.
    const [projection, fetchMs] = await timed(() =>
      fetchProjection(createQueries(graph.port, graph.cypher), 'CO_MENTION'),
    );
    const [, pagerankMs] = await timed(async () => centrality(projection, 'PAGERANK'));
    rows.push(['co-mention projection', `${projection.order} nodes, ${projection.size} edges`]);
    rows.push(['projection fetch (1 query), ms', String(round(fetchMs))]);
    rows.push(['PageRank (graphology), ms', String(round(pagerankMs))]);
    const analytics = analyticsFor(graph);
    const [, coldMs] = await timed(() => analytics.centrality('CO_MENTION', 'PAGERANK'));
    rows.push(['PageRank cold through the cache (fetch + compute), ms', String(round(coldMs))]);
    const cachedMs = await repeat(() => analytics.centrality('CO_MENTION', 'PAGERANK'));
    rows.push([`cached answer in process, median of ${REPS}, ms`, String(round(cachedMs))]);
    const [, louvainMs] = await timed(() => analytics.communities('CO_MENTION'));
    rows.push(['Louvain communities (projection cached), ms', String(round(louvainMs))]);

    const server = await startHttpServer(
      { ...BENCH_SERVER_CONFIG, analystToken: TOKEN },
      graph,
      pino({ level: 'silent' }),
    );
    try {
      const origin = `http://127.0.0.1:${server.port}`;
      const graphql = () =>
        fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query:
              '{ centrality(projection: CO_MENTION, measure: PAGERANK, first: 10) { scores { id score } } }',
          }),
        }).then((r) => r.json());
      const graphqlMs = await repeat(graphql);
      rows.push([
        `cached answer over HTTP (GraphQL centrality, first: 10), median of ${REPS}, ms`,
        String(round(graphqlMs)),
      ]);

      // 2. The same analyst query through the CLI's path and through POST /cypher.
      const query =
        'MATCH (s:Statement)-[:MENTIONS]->(n:Person|State|Organization|MilitaryUnit|Location|Event) RETURN n.id AS id, count(DISTINCT s) AS mentions ORDER BY mentions DESC, id LIMIT 25';
      const cliMs = await repeat(() =>
        graph.port.read({ name: 'cli/inline', text: query }, {}, { untrusted: true }),
      );
      const endpointMs = await repeat(() =>
        fetch(`${origin}/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ query, params: {} }),
        }).then((r) => r.json()),
      );
      // A text the guard has not seen (a different trailing comment each time) pays for parsing and analysis.
      let variant = 0;
      const freshMs = await repeat(() =>
        fetch(`${origin}/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ query: `${query} // run ${variant++}`, params: {} }),
        }).then((r) => r.json()),
      );
      rows.push([
        `most-mentioned query, CLI path (port.read untrusted), median of ${REPS}, ms`,
        String(round(cliMs)),
      ]);
      rows.push([
        `same text again through POST /cypher (guard verdict remembered), median of ${REPS}, ms`,
        String(round(endpointMs)),
      ]);
      rows.push([
        `a new text each time through POST /cypher (guard parses), median of ${REPS}, ms`,
        String(round(freshMs)),
      ]);
      rows.push([
        'POST /cypher overhead, repeated text / new text, ms',
        `${round(endpointMs - cliMs)} / ${round(freshMs - cliMs)}`,
      ]);
    } finally {
      await server.shutdown();
    }
    rows.push(['peak RSS, MB', String(peakRssMb())]);
  } finally {
    await graph.port.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  const table = [
    '| measure | value |',
    '|---|---:|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  ].join('\n');
  console.log(table);
  const out = path.resolve(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  const file = path.join(
    out,
    `${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}Z-analytics.md`,
  );
  writeFileSync(
    file,
    `# Analytics bench (scale ${SCALE})\n\n\`npm run bench:analytics -- --scale=${SCALE} --reps=${REPS}\`\n\n${table}\n`,
  );
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
