/**
 * Benchmark entry: `npm run bench` (quick profile) or `npm run bench -- --full`.
 *
 * 1. Generates a seeded synthetic graph at scale S (and M, and L with --full)
 *    and bulk-loads it into the embedded engine with COPY.
 * 2. Runs each scenario at each fan-out on three implementations of the same
 *    schema: batched (the real resolvers + DataLoaders on the embedded graph),
 *    naive (same resolvers, one query per parent per field) and in-memory
 *    (real resolvers + loaders on a JS-map port, no database).
 * 3. HTTP load with autocannon against the real server and a bare Apollo.
 * 4. Growth: the nested query at every scale.
 * 5. With --peer (and in --full): the same graph in PostgreSQL behind
 *    PostGraphile, checked for the same data, then measured against our
 *    real server, interleaved, at S and M (bench/peer/).
 * Writes bench/results/<timestamp>.{json,md} and SVG charts; copies the charts to docs/.
 *
 * 6. With --mix (and in --full): a Zipf-distributed user-like mix, 99% reads,
 *    over HTTP at S (bench/user-mix.ts); with the peer too, its reads that
 *    PostGraphile can answer, ours cold and warm against it (bench/peer/mix-peer.ts).
 * Options: --full, --peer, --only-peer (skip phases 2-4), --only-growth (the nested query at S, M, L only), --mix, --no-http, --no-growth, --reps=N, --seconds=N, --seed=N.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { type Graph, applySchema, openGraph } from '../src/graph';
import { httpLoad, type LoadResult } from './http-load';
import { InMemoryGraph } from './in-memory-graph';
import {
  type CellResult,
  type Implementation,
  implementations,
  measureCell,
  peakRssMb,
  runOnce,
  stopApollo,
} from './measure';
import { findPostgres } from './peer/postgres-cluster';
import { MIX_COLD, MIX_PEER, MIX_WARM, peerMixTable } from './peer/mix-peer';
import { OURS_NAME, PEER_NAME, type PeerRun, runPeer } from './peer/run-peer';
import {
  type GoalCheck,
  type QueryProfileRow,
  cellsTable,
  queryProfileTable,
  goalsTable,
  loadTable,
  peerCharts,
  peerTable,
  ratiosTable,
  standardCharts,
} from './report';
import { SCENARIOS } from './scenarios';
import { runUserMix } from './user-mix';
import { type LoadReport, type SyntheticGraph, bulkLoad, generateGraph } from './synthetic-graph';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};

const FULL = flag('full');
const ONLY_PEER = flag('only-peer');
// --only-growth: the nested query, batched and in-memory, at S, M and L; nothing else.
const ONLY_GROWTH = flag('only-growth');
const PEER = FULL || ONLY_PEER || flag('peer');
const SEED = option('seed', 42);
const PROFILE = {
  name: FULL ? 'full' : 'quick',
  fanouts: FULL ? [10, 100, 1000] : [10, 100],
  cell: {
    reps: option('reps', FULL ? 100 : 30),
    minReps: 5,
    warmup: 3,
    budgetMs: FULL ? 60_000 : 8_000,
  },
  scales: (FULL || ONLY_GROWTH
    ? [
        ['S', 10_000],
        ['M', 100_000],
        ['L', 1_000_000],
      ]
    : [
        ['S', 10_000],
        ['M', 100_000],
      ]) as Array<[string, number]>,
  httpScale: FULL ? 'M' : 'S',
  http: {
    seconds: option('seconds', FULL ? 20 : 10),
    connections: [1, 16, 64],
    queries: ['lookup', 'nested'],
  },
  peer: {
    scales: ['S', 'M'],
    reps: option('reps', FULL ? 100 : 30),
    warmup: 3,
    seconds: option('seconds', FULL ? 20 : 10),
    connections: [1, 16],
  },
};

const started = Date.now();
const log = (line: string) =>
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);

interface Loaded {
  readonly scale: string;
  readonly data: SyntheticGraph;
  readonly embedded: Graph;
  readonly memory: Graph;
  readonly load: LoadReport;
  readonly dir: string;
}

async function loadScale(scale: string, size: number): Promise<Loaded> {
  const t0 = performance.now();
  const data = generateGraph(size, SEED);
  const genMs = Math.round(performance.now() - t0);
  const dir = mkdtempSync(path.join(tmpdir(), `kg-bench-${scale}-`));
  const embedded = await openGraph({
    engine: 'embedded',
    path: path.join(dir, 'graph.lbug'),
    queryTimeoutMs: 60_000,
  });
  await applySchema(embedded);
  const load = await bulkLoad(embedded, data);
  const memory = new InMemoryGraph(data).asGraph();
  log(
    `${scale}: generated ${data.nodes.length} nodes / ${data.rels.length} rels in ${genMs} ms; ` +
      `CSV ${load.csvMs} ms, COPY ${load.copyMs} ms (${load.itemsPerSecond} items/s, ${load.entitiesPerSecond} entities+statements/s); peak RSS ${peakRssMb()} MB`,
  );
  return { scale, data, embedded, memory, load, dir };
}

async function close(l: Loaded): Promise<void> {
  await l.embedded.port.close();
  rmSync(l.dir, { recursive: true, force: true });
}

/**
 * Same answers from the embedded graph and the in-memory graph? Checks the
 * in-memory query layer's fidelity: same data (JSON) and same graph-query count.
 * neighborhood and path may legitimately differ (row order under LIMIT, ties
 * between shortest paths).
 */
async function fidelity(l: Loaded): Promise<Record<string, string>> {
  const [batched, , memory] = implementations(l.embedded, l.memory) as [
    Implementation,
    Implementation,
    Implementation,
  ];
  const out: Record<string, string> = {};
  for (const scenario of SCENARIOS.filter((s) => !s.mutation)) {
    const op = scenario.operation(l.data.ids, 10, 0);
    const a = await runOnce(batched, op);
    const b = await runOnce(memory, op);
    const sameData = JSON.stringify(a.data) === JSON.stringify(b.data);
    out[scenario.name] =
      a.error || b.error
        ? `error: ${a.error ?? b.error}`
        : `${sameData ? 'same data' : 'different data'}, queries ${a.queries}/${b.queries}`;
  }
  return out;
}

async function inProcess(
  l: Loaded,
  scenarioNames: readonly string[],
  impls: readonly string[],
  fanouts: readonly number[],
): Promise<CellResult[]> {
  const cells: CellResult[] = [];
  for (const scenario of SCENARIOS.filter((s) => scenarioNames.includes(s.name))) {
    const fs = scenario.fixed ? [1] : fanouts.filter((f) => f <= scenario.maxFanout);
    for (const fanout of fs) {
      for (const impl of implementations(l.embedded, l.memory)) {
        if (!impls.includes(impl.name)) continue;
        if (scenario.mutation && impl.name === 'in-memory') continue;
        const cell = await measureCell(l.scale, scenario, fanout, impl, l.data.ids, PROFILE.cell);
        log(
          `  ${l.scale} ${scenario.name} n=${fanout} ${impl.name}: p50 ${cell.p50} ms p99 ${cell.p99} ms, ${cell.queries} queries, ${cell.reps} reps, ${cell.errors} errors${cell.firstError ? ` (${cell.firstError})` : ''}`,
        );
        cells.push(cell);
      }
    }
  }
  return cells;
}

async function main(): Promise<void> {
  log(
    `profile ${PROFILE.name}; node ${process.version}; ${cpus().length} CPUs; ${Math.round(totalmem() / 2 ** 30)} GB RAM; seed ${SEED}`,
  );
  const cells: CellResult[] = [];
  const growth: CellResult[] = [];
  const loads: Array<
    { scale: string; size: number } & LoadReport & { counts: Record<string, number> }
  > = [];
  let httpResults: LoadResult[] = [];
  const notRun: string[] = [];
  const queryProfile: QueryProfileRow[] = [];
  const profileOf = (l: Loaded) => {
    const rows = Object.entries(l.embedded.port.stats.snapshot())
      .filter(([name]) => !name.startsWith('bench/copy') && !name.startsWith('schema/'))
      .map(([name, st]) => ({
        scale: l.scale,
        name,
        count: st.count,
        totalMs: st.totalMs,
        meanMs: st.totalMs / st.count,
      }))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, 10);
    queryProfile.push(...rows);
  };
  const loadAvgStart = loadavg()[0];
  let fidelityChecks: Record<string, string> = {};
  const readScenarios = SCENARIOS.filter((s) => !s.mutation).map((s) => s.name);
  const peerRuns: PeerRun[] = [];
  let mixResults: LoadResult[] = [];
  const postgres = PEER ? findPostgres() : undefined;
  if (postgres && !postgres.ok) {
    log(`peer skipped: ${postgres.reason}`);
    notRun.push(`peer (PostGraphile): ${postgres.reason}`);
  }
  if (!PEER) notRun.push('peer (PostGraphile over PostgreSQL): only with --peer or --full');

  for (const [scale, size] of PROFILE.scales) {
    if (scale !== 'S' && flag('no-growth')) {
      notRun.push(`scale ${scale} (--no-growth)`);
      continue;
    }
    let l: Loaded;
    try {
      l = await loadScale(scale, size);
    } catch (error) {
      notRun.push(`scale ${scale}: load failed: ${(error as Error).message}`);
      log(`${scale}: load failed: ${(error as Error).message}`);
      continue;
    }
    loads.push({ scale, size, ...l.load, counts: l.data.counts });
    try {
      if (ONLY_PEER) {
        // --only-peer: straight to the peer phase below.
      } else if (ONLY_GROWTH) {
        growth.push(...(await inProcess(l, ['nested'], ['batched', 'in-memory'], PROFILE.fanouts)));
      } else if (scale === 'S') {
        fidelityChecks = await fidelity(l);
        log(`  in-memory port fidelity at fan-out 10: ${JSON.stringify(fidelityChecks)}`);
        cells.push(
          ...(await inProcess(
            l,
            readScenarios,
            ['batched', 'naive', 'in-memory'],
            PROFILE.fanouts,
          )),
        );
        growth.push(...cells.filter((c) => c.scenario === 'nested' && c.impl !== 'naive'));
      } else {
        growth.push(...(await inProcess(l, ['nested'], ['batched', 'in-memory'], PROFILE.fanouts)));
      }
      profileOf(l);
      if (scale === PROFILE.httpScale && !ONLY_PEER && !ONLY_GROWTH) {
        if (flag('no-http')) notRun.push('HTTP load (--no-http)');
        else
          httpResults = await httpLoad(
            {
              scale,
              seconds: PROFILE.http.seconds,
              connections: PROFILE.http.connections,
              queries: PROFILE.http.queries,
            },
            l.embedded,
            l.memory,
            l.data.ids,
            log,
          );
      }
      if (scale === 'S' && !ONLY_PEER && !ONLY_GROWTH)
        cells.push(
          ...(await inProcess(l, ['addStatement'], ['batched', 'naive'], PROFILE.fanouts)),
        );
      if ((FULL || flag('mix')) && scale === 'S' && !ONLY_GROWTH) {
        mixResults = await runUserMix(
          scale,
          l.data,
          l.embedded,
          PROFILE.http.seconds,
          [1, 16],
          SEED + 1,
          log,
        );
      }
      if (postgres?.ok && PROFILE.peer.scales.includes(scale)) {
        const mixPlan =
          FULL || flag('mix')
            ? {
                seconds: PROFILE.peer.seconds,
                connections: PROFILE.peer.connections,
                seed: SEED + 1,
                checked: 200,
              }
            : undefined;
        const run = await runPeer(
          { scale, ...PROFILE.peer },
          postgres,
          l.data,
          l.embedded,
          log,
          mixPlan,
        );
        peerRuns.push(run);
        // A peer that answers differently is not a peer: fail the run, keep the other results.
        if (!run.fidelity.same || (run.mix && !run.mix.fidelity.same)) process.exitCode = 1;
      }
    } finally {
      await close(l);
    }
  }
  await stopApollo();
  if (!FULL && !ONLY_GROWTH) notRun.push('scale L (1M) and fan-out 1000: only with --full');
  if (ONLY_GROWTH)
    notRun.push('everything but the nested query at S, M and L (--only-growth); fan-out 1000');

  // ---- goals ----------------------------------------------------------------
  const cell = (scale: string, scenario: string, fanout: number, impl: string) =>
    [...cells, ...growth].find(
      (c) => c.scale === scale && c.scenario === scenario && c.fanout === fanout && c.impl === impl,
    );
  const goals: GoalCheck[] = [];
  const batchedQueries = SCENARIOS.filter((s) => !s.fixed).map((s) => {
    const qs = [
      ...new Set(
        cells.filter((c) => c.scenario === s.name && c.impl === 'batched').map((c) => c.queries),
      ),
    ];
    return { name: s.name, qs };
  });
  goals.push({
    goal: 'graph queries per request independent of fan-out (batched)',
    measured: batchedQueries.map((b) => `${b.name}: ${b.qs.join('/')}`).join('; '),
    met: cells.length ? batchedQueries.every((b) => b.qs.length <= 1) : null,
  });
  const n100 = cell('S', 'nested', 100, 'naive');
  const b100 = cell('S', 'nested', 100, 'batched');
  const m100 = cell('S', 'nested', 100, 'in-memory');
  goals.push({
    goal: 'naive / batched ≥ 10× at fan-out 100, nested (p50, S)',
    measured:
      n100 && b100 ? `${(n100.p50 / b100.p50).toFixed(1)}× (${n100.p50} / ${b100.p50} ms)` : 'n/a',
    met: n100 && b100 ? n100.p50 / b100.p50 >= 10 : null,
  });
  goals.push({
    goal: 'batched / in-memory p50 ≤ 3× at fan-out 100, nested (S)',
    measured:
      m100 && b100 ? `${(b100.p50 / m100.p50).toFixed(1)}× (${b100.p50} / ${m100.p50} ms)` : 'n/a',
    met: m100 && b100 ? b100.p50 / m100.p50 <= 3 : null,
  });
  const real16 = httpResults.find(
    (r) =>
      r.target.startsWith('real server, embedded') && r.query === 'lookup' && r.connections === 16,
  );
  const bare16 = httpResults.find(
    (r) => r.target.startsWith('bare Apollo') && r.query === 'lookup' && r.connections === 16,
  );
  goals.push({
    goal: 'HTTP lookup req/s ≥ 60% of bare in-memory Apollo at 16 connections',
    measured:
      real16 && bare16
        ? `${Math.round((100 * real16.reqPerSec) / bare16.reqPerSec)}% (${real16.reqPerSec} / ${bare16.reqPerSec} req/s)`
        : 'n/a',
    met: real16 && bare16 ? real16.reqPerSec >= 0.6 * bare16.reqPerSec : null,
  });
  for (const f of PROFILE.fanouts.filter((x) => x <= 100)) {
    const s = cell('S', 'nested', f, 'batched');
    const m = cell('M', 'nested', f, 'batched');
    goals.push({
      goal: `nested p50 grows < 2× from S to M (batched, fan-out ${f})`,
      measured: s && m ? `${(m.p50 / s.p50).toFixed(2)}× (${s.p50} → ${m.p50} ms)` : 'n/a',
      met: s && m ? m.p50 / s.p50 < 2 : null,
    });
  }
  // autocannon counts a timeout as an error too, so socketErrors already includes timeouts.
  const loadErrors = httpResults.reduce(
    (sum, r) => sum + r.non2xx + r.bodyErrors + r.socketErrors,
    0,
  );
  goals.push({
    goal: 'no errors under load (non-2xx, error bodies, socket errors incl. client timeouts)',
    measured: httpResults.length
      ? `${loadErrors} over ${httpResults.reduce((s, r) => s + r.requests, 0)} requests`
      : 'n/a',
    met: httpResults.length ? loadErrors === 0 : null,
  });

  // Issue 15: nested p50 growth per 10× of graph size at fan-out 100, batched.
  for (const [from, to] of [
    ['S', 'M'],
    ['M', 'L'],
  ] as const) {
    const a = cell(from, 'nested', 100, 'batched');
    const b = cell(to, 'nested', 100, 'batched');
    if (!a && !b) continue;
    goals.push({
      goal: `nested p50 grows < 1.5× per step, ${from} → ${to} (batched, fan-out 100)`,
      measured: a && b ? `${(b.p50 / a.p50).toFixed(2)}× (${a.p50} → ${b.p50} ms)` : 'n/a',
      met: a && b ? b.p50 / a.p50 < 1.5 : null,
    });
  }
  // Issue 15's goals against the peer: ratios within this one run, so the machine's load cancels out as far as it can.
  const peerLatency = (scale: string, query: string, side: string) =>
    peerRuns
      .find((r) => r.scale === scale)
      ?.latency.find((l) => l.query === query && l.side === side);
  for (const [scale, max] of [
    ['M', 3],
    ['S', 1.5],
  ] as const) {
    const ours = peerLatency(scale, 'nested', 'ours');
    const peer = peerLatency(scale, 'nested', 'peer');
    goals.push({
      goal: `nested at ${scale}, single-request p50, ours / PostGraphile ≤ ${max}×`,
      measured:
        ours && peer
          ? `${(ours.p50 / peer.p50).toFixed(2)}× (${ours.p50} / ${peer.p50} ms)`
          : 'n/a',
      met: ours && peer ? ours.p50 / peer.p50 <= max : null,
    });
  }
  for (const scale of PROFILE.peer.scales) {
    const http = peerRuns.find((r) => r.scale === scale)?.http ?? [];
    const ours = http.find(
      (h) => h.target === OURS_NAME && h.query === 'lookup' && h.connections === 16,
    );
    const peer = http.find(
      (h) => h.target === PEER_NAME && h.query === 'lookup' && h.connections === 16,
    );
    goals.push({
      goal: `lookup req/s at 16 connections, ours / PostGraphile ≥ 0.6 (${scale})`,
      measured:
        ours && peer
          ? `${(ours.reqPerSec / peer.reqPerSec).toFixed(2)} (${ours.reqPerSec} / ${peer.reqPerSec} req/s)`
          : 'n/a',
      met: ours && peer ? ours.reqPerSec / peer.reqPerSec >= 0.6 : null,
    });
  }

  for (const run of peerRuns) {
    if (!run.mix) continue;
    const at16 = (name: string) =>
      run.mix?.http.find((h) => h.target === name && h.connections === 16);
    const [warm, cold, pg] = [at16(MIX_WARM), at16(MIX_COLD), at16(MIX_PEER)];
    const hit = run.mix.hitRatio.find((h) => h.connections === 16);
    goals.push({
      goal: `Zipf mix (entity pages + statement lists) req/s at 16 connections, ours with warm cache / PostGraphile ≥ 1.0 (${run.scale})`,
      measured:
        warm && pg
          ? `${(warm.reqPerSec / pg.reqPerSec).toFixed(2)} (${warm.reqPerSec} / ${pg.reqPerSec} req/s; hit ratio ${hit?.ratio ?? '–'}; cold ${cold ? (cold.reqPerSec / pg.reqPerSec).toFixed(2) : '–'})`
          : `n/a (${run.mix.fidelity.message})`,
      met: warm && pg ? warm.reqPerSec / pg.reqPerSec >= 1.0 : null,
    });
  }

  // ---- output ---------------------------------------------------------------
  const stamp = new Date()
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  const outDir = path.resolve(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  const sizes = Object.fromEntries(loads.map((l) => [l.scale, l.size]));
  const charts = {
    ...standardCharts(cells, growth, sizes, PROFILE.fanouts),
    ...(peerRuns.length ? { peer: peerCharts(peerRuns, sizes) } : {}),
  };
  const fanoutChart = charts.fanout;
  const growthChart = charts.growth;
  const docs = path.resolve(__dirname, '../docs');
  // An --only-peer run has no in-process cells: no fan-out and growth charts, and the published ones stay.
  // An --only-growth run has no fan-out cells: only its growth chart is written and published.
  if (!ONLY_PEER) {
    writeFileSync(path.join(outDir, `${stamp}-growth.svg`), growthChart);
    copyFileSync(path.join(outDir, `${stamp}-growth.svg`), path.join(docs, 'perf-growth.svg'));
  }
  if (!ONLY_PEER && !ONLY_GROWTH) {
    writeFileSync(path.join(outDir, `${stamp}-fanout.svg`), fanoutChart);
    copyFileSync(path.join(outDir, `${stamp}-fanout.svg`), path.join(docs, 'perf-fanout.svg'));
  }
  if (charts.peer) {
    writeFileSync(path.join(outDir, `${stamp}-peer.svg`), charts.peer);
    copyFileSync(path.join(outDir, `${stamp}-peer.svg`), path.join(docs, 'perf-peer.svg'));
  }

  const env = {
    node: process.version,
    nodeEnv: process.env.NODE_ENV ?? '(unset)',
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    ramGb: Math.round(totalmem() / 2 ** 30),
    profile: PROFILE.name,
    seed: SEED,
    wallSeconds: Math.round((Date.now() - started) / 1000),
    peakRssMb: peakRssMb(),
    loadAvgStart,
    loadAvgEnd: loadavg()[0],
  };
  writeFileSync(
    path.join(outDir, `${stamp}.json`),
    JSON.stringify(
      {
        env,
        profile: PROFILE,
        loads,
        fidelity: fidelityChecks,
        cells,
        growth,
        http: httpResults,
        peer: peerRuns,
        mix: mixResults,
        queryProfile,
        goals,
        notRun,
      },
      null,
      2,
    ),
  );
  const md = [
    `# Benchmark ${stamp} (${PROFILE.name} profile)`,
    '',
    `Node ${env.node} (NODE_ENV=${env.nodeEnv}), ${env.cpus} × ${env.cpuModel}, ${env.ramGb} GB RAM; seed ${SEED}; wall time ${env.wallSeconds} s; process peak RSS ${env.peakRssMb} MB; 1-min load average ${loadAvgStart?.toFixed(1)} at start, ${env.loadAvgEnd?.toFixed(1)} at end (2 cores: anything above 2 means other processes competed for CPU).`,
    '',
    '## Goals',
    '',
    goalsTable(goals),
    '',
    '## Bulk load (COPY FROM CSV into the embedded engine)',
    '',
    '| scale | entities + statements | nodes | relationships | CSV ms | COPY ms | nodes+rels/s (COPY) | entities+statements/s (CSV+COPY) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...loads.map(
      (l) =>
        `| ${l.scale} | ${l.size} | ${l.nodes} | ${l.relationships} | ${l.csvMs} | ${l.copyMs} | ${l.itemsPerSecond} | ${l.entitiesPerSecond} |`,
    ),
    '',
    '## In-process latency (one request at a time, Apollo executeOperation)',
    '',
    cellsTable(cells),
    '',
    '## Ratios',
    '',
    ratiosTable(cells),
    '',
    '## Growth (nested query)',
    '',
    cellsTable(growth),
    '',
    '## Where the graph time goes (embedded port query stats, in-process phase, all implementations)',
    '',
    queryProfileTable(queryProfile),
    '',
    '## HTTP load (autocannon)',
    '',
    httpResults.length ? loadTable(httpResults) : '_not run_',
    '',
    '## User-like mix (Zipf over the 200 most mentioned entities; 40% entity pages, 30% statement lists, 15% search, 14% neighbourhoods, 1% addStatement)',
    '',
    mixResults.length ? loadTable(mixResults) : '_not run (--mix or --full)_',
    '',
    '## Ours against PostGraphile over PostgreSQL (same graph, HTTP, interleaved)',
    '',
    peerRuns.length ? peerTable(peerRuns) : '_not run_',
    '',
    ...peerRuns.map(
      (r) =>
        `Peer fidelity at ${r.scale} (${r.postgres}): ${r.fidelity.message}. Loaded ${JSON.stringify(r.load.rows)} with COPY in ${r.load.copyMs} ms.`,
    ),
    '',
    peerRuns.some((r) => r.http.length) ? loadTable(peerRuns.flatMap((r) => r.http)) : '',
    '',
    '## User-like mix against PostGraphile (entity pages and statement lists, reads only; same Zipf sequence on every server)',
    '',
    peerRuns.some((r) => r.mix)
      ? [
          peerMixTable(peerRuns.flatMap((r) => (r.mix ? [r.mix] : []))),
          '',
          ...peerRuns.flatMap((r) =>
            r.mix ? [`Mix fidelity at ${r.scale}: ${r.mix.fidelity.message}.`] : [],
          ),
        ].join('\n')
      : '_not run (--mix or --full, with the peer)_',
    '',
    `In-memory port fidelity at fan-out 10 (response data compared as JSON; graph queries embedded/in-memory): ${JSON.stringify(fidelityChecks)}`,
    '',
    '## Not run',
    '',
    ...notRun.map((n) => `- ${n}`),
    '',
  ].join('\n');
  writeFileSync(path.join(outDir, `${stamp}.md`), md);
  log(`wrote bench/results/${stamp}.{json,md,-fanout.svg,-growth.svg}; charts copied to docs/`);
  process.stdout.write(md);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
