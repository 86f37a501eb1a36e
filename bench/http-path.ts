/**
 * `npm run bench:http`: the HTTP lookup path alone, interleaved in one run.
 * Loads the synthetic graph at scale S into the embedded engine and the
 * in-memory port, then runs `person(id)` lookups with autocannon against:
 * bare Apollo (standalone, no limits, no metrics; the ceiling), the real
 * server on the in-memory port, and the real server on the embedded engine
 * with the response cache off and on. Each target runs once per round,
 * rounds interleave the targets, and the figures are the mean over rounds.
 *
 * The real servers log at info to /dev/null, as a production server logs to
 * stdout. `--baseline=<dir>` adds the same real servers from another checkout
 * of the repository (e.g. `git archive <commit> | tar -x -C <dir>` with
 * node_modules linked), so that before and after run in one process.
 *
 * Options: --seconds=N (per target and round, default 5), --rounds=N
 * (default 3), --connections=N (default 16), --seed=N, --only=<text> (the
 * targets whose name contains it, e.g. to profile one with `node --cpu-prof`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type Graph, applySchema, openGraph } from '../src/graph';
import type { startHttpServer } from '../src/server/http-server';
import { createLogger } from '../src/server/logger';
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
const ONLY = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const BASELINE = argv.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length);
const OFF = { responseCache: { enabled: false, maxBytes: 0, redisUrl: undefined } };
const ON = { responseCache: { enabled: true, maxBytes: 32 * 2 ** 20, redisUrl: undefined } };

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
    const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: true }));
    const real =
      (name: string, graph: Graph, overrides: typeof OFF, start?: typeof startHttpServer) => () =>
        realServer(name, graph, overrides, { logger, start });
    const all: Array<[string, () => Promise<Target>]> = [
      ['bare Apollo, in-memory port', () => bareApollo('bare Apollo, in-memory port', memory)],
      ['bare Apollo, embedded', () => bareApollo('bare Apollo, embedded', embedded)],
    ];
    if (BASELINE) {
      const baseline = (await import(path.resolve(BASELINE, 'src/server/http-server.ts')))
        .startHttpServer as typeof startHttpServer;
      all.push(
        [
          'baseline: real server, in-memory port',
          real('baseline: real server, in-memory port', memory, OFF, baseline),
        ],
        [
          'baseline: real server, embedded',
          real('baseline: real server, embedded', embedded, OFF, baseline),
        ],
      );
    }
    all.push(
      [
        'real server, in-memory port, cache off',
        real('real server, in-memory port, cache off', memory, OFF),
      ],
      ['real server, embedded, cache off', real('real server, embedded, cache off', embedded, OFF)],
      ['real server, embedded, cache on', real('real server, embedded, cache on', embedded, ON)],
    );
    const targets = all.filter(([name], i) => i === 0 || !ONLY || name.includes(ONLY));
    const totals = new Map<
      string,
      { reqPerSec: number[]; p50: number[]; cpuUs: number[]; bad: number }
    >();
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Each round starts one target later: the target that runs right after another server's
      // load measured slower in trials, whichever it was.
      const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]!);
      for (const [name, make] of order) {
        const target = await make();
        try {
          // One second unmeasured: JIT and the first DataLoader/cache entries warm up per server.
          await load('S', target, 'lookup', CONNECTIONS, 1, data.ids);
          const cpu = process.cpuUsage();
          const r = await load('S', target, 'lookup', CONNECTIONS, SECONDS, data.ids);
          const used = process.cpuUsage(cpu);
          const t = totals.get(name) ?? { reqPerSec: [], p50: [], cpuUs: [], bad: 0 };
          t.cpuUs.push((used.user + used.system) / Math.max(1, r.requests));
          t.reqPerSec.push(r.reqPerSec);
          t.p50.push(r.p50);
          t.bad += r.non2xx + r.bodyErrors + r.socketErrors;
          totals.set(name, t);
          log(
            `round ${round} ${name}: ${r.reqPerSec} req/s, p50 ${r.p50} ms, ${Math.round(t.cpuUs.at(-1)!)} µs CPU/request`,
          );
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
    // CPU per request is this process's (server and autocannon client together): less
    // sensitive than req/s to other work on the machine.
    console.log(
      '| target | req/s | p50 ms | / bare Apollo (in-memory) | CPU µs/request (server + client) | failed |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name] of targets) {
      const t = totals.get(name)!;
      const rps = mean(t.reqPerSec);
      console.log(
        `| ${name} | ${Math.round(rps)} | ${mean(t.p50).toFixed(1)} | ${Math.round((100 * rps) / ceiling)}% | ${Math.round(mean(t.cpuUs))} | ${t.bad} |`,
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
