/**
 * `npm run bench:http`: the HTTP lookup path alone, interleaved in one run.
 * Loads the synthetic graph at scale S into the embedded engine and the
 * in-memory port, then runs `person(id)` lookups with autocannon against:
 * bare Apollo (standalone, no limits, no metrics; the ceiling), the real
 * server on the in-memory port, and the real server on the embedded engine
 * with the response cache off and on. Each target runs once per round,
 * rounds interleave the targets, and the figures are the mean over rounds.
 *
 * Options: --seconds=N (per target and round, default 5), --rounds=N
 * (default 3), --connections=N (default 16), --seed=N.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { applySchema, openGraph } from '../src/graph';
import { type Target, bareApollo, load, realServer } from './http-load';
import { InMemoryGraph } from './in-memory-graph';
import { bulkLoad, generateGraph } from './synthetic-graph';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const SECONDS = option('seconds', 5);
const ROUNDS = option('rounds', 3);
const CONNECTIONS = option('connections', 16);
const SEED = option('seed', 42);

const started = Date.now();
const log = (line: string) =>
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);

async function main(): Promise<void> {
  log(`node ${process.version}; ${cpus().length} CPUs; load ${loadavg()[0]?.toFixed(2)}`);
  const data = generateGraph(10_000, SEED);
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-bench-http-'));
  const embedded = await openGraph({
    engine: 'embedded',
    path: path.join(dir, 'graph.lbug'),
    queryTimeoutMs: 60_000,
  });
  try {
    await applySchema(embedded);
    await bulkLoad(embedded, data);
    const memory = new InMemoryGraph(data).asGraph();
    const targets: Array<[string, () => Promise<Target>]> = [
      ['bare Apollo, in-memory port', () => bareApollo('bare Apollo, in-memory port', memory)],
      ['bare Apollo, embedded', () => bareApollo('bare Apollo, embedded', embedded)],
      [
        'real server, in-memory port, cache off',
        () =>
          realServer('real server, in-memory port, cache off', memory, {
            responseCache: { enabled: false, maxBytes: 0, redisUrl: undefined },
          }),
      ],
      [
        'real server, embedded, cache off',
        () =>
          realServer('real server, embedded, cache off', embedded, {
            responseCache: { enabled: false, maxBytes: 0, redisUrl: undefined },
          }),
      ],
      [
        'real server, embedded, cache on',
        () =>
          realServer('real server, embedded, cache on', embedded, {
            responseCache: { enabled: true, maxBytes: 32 * 2 ** 20, redisUrl: undefined },
          }),
      ],
    ];
    const totals = new Map<string, { reqPerSec: number[]; p50: number[]; bad: number }>();
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const [name, make] of targets) {
        const target = await make();
        try {
          const r = await load('S', target, 'lookup', CONNECTIONS, SECONDS, data.ids);
          const t = totals.get(name) ?? { reqPerSec: [], p50: [], bad: 0 };
          t.reqPerSec.push(r.reqPerSec);
          t.p50.push(r.p50);
          t.bad += r.non2xx + r.bodyErrors + r.socketErrors;
          totals.set(name, t);
          log(`round ${round} ${name}: ${r.reqPerSec} req/s, p50 ${r.p50} ms`);
        } finally {
          await target.stop();
        }
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ceiling = mean(totals.get(targets[0]![0])!.reqPerSec);
    console.log(
      `\nHTTP lookups, scale S, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s, interleaved\n`,
    );
    console.log('| target | req/s | p50 ms | / bare Apollo (in-memory) | failed |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name] of targets) {
      const t = totals.get(name)!;
      const rps = mean(t.reqPerSec);
      console.log(
        `| ${name} | ${Math.round(rps)} | ${mean(t.p50).toFixed(1)} | ${Math.round((100 * rps) / ceiling)}% | ${t.bad} |`,
      );
    }
  } finally {
    await embedded.port.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
