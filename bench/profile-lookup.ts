/**
 * CPU-profile target: the real server (`startHttpServer`, the bench's
 * production config, response cache off, logging at info to /dev/null) on the
 * embedded engine with the synthetic graph at scale S, under `person(id)`
 * lookups from autocannon at 16 connections. autocannon runs in a child
 * process, so the server's profile holds the server alone.
 *
 *   NODE_ENV=production npx tsx bench/profile-lookup.ts [--seconds=N] [--connections=N] [--profile=<file>.cpuprofile]
 *   npx tsx bench/profile-lookup.ts --analyze=<file>.cpuprofile [--requests=N]
 *
 * With `--profile`, the server process's main thread is CPU-profiled (V8's
 * sampler through `node:inspector`) during the measured load only: not the
 * start-up or the graph's loading. `--analyze` prints the profile's self time
 * grouped by module (package, or file for our own code), then the top
 * functions; with `--requests`, also in µs per request.
 */
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { applySchema, openGraph } from '../src/graph';
import { createLogger } from '../src/server/logger';
import { loadTarget, realServer } from './http-load';
import { LOOKUP_ONE } from './scenarios';
import { bulkLoad, generateGraph } from './synthetic-graph';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SECONDS = Number(option('seconds') ?? 10);
const CONNECTIONS = Number(option('connections') ?? 16);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The module a frame belongs to: a package name, our source file, or a Node/V8 bucket. */
function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native/V8)';
  if (url.startsWith('node:')) return url;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  const bench = url.indexOf('/bench/');
  return bench >= 0 ? url.slice(bench + 1) : url;
}

/**
 * Layers of the request path, first match wins, tested against a frame's
 * module (see `moduleOf`). Native frames count for their nearest JavaScript
 * caller: the engine binding's native calls count as the engine, `writev`
 * as Node's streams.
 */
const LAYERS: Array<[string, RegExp]> = [
  ['engine binding (@ladybugdb/core JS and its native calls)', /^@ladybugdb\//],
  ['embedded adapter and value conversion (src/graph/embedded)', /^src\/graph\/embedded\//],
  ['query layer and Cypher rendering (src/graph)', /^src\/graph\//],
  ['DataLoader and loaders (src/loaders)', /^(dataloader$|src\/loaders\/)/],
  ['resolvers and request context (src/resolvers)', /^src\/resolvers\//],
  ['graphql-armor', /^@escape\.tech\//],
  ['our cost rule', /^src\/server\/cost-limit-rule/],
  [
    'our Apollo plugins (bounds, observability, field errors, cache control)',
    /^src\/server\/(apollo-server|response-bounds|field-errors-plugin|cache-control)/,
  ],
  ['prom-client (metrics)', /^prom-client$/],
  ['pino (logging)', /^(pino|sonic-boom|fast-redact)/],
  ['our middleware (request id, async context, context factory)', /^src\/server\//],
  ['graphql-js (parse, validate, execute)', /^graphql$/],
  ['@apollo/server (pipeline, plugins dispatch, JSON)', /^@apollo\/|^@as-integrations\//],
  [
    'Express 5 and its middlewares (router, body-parser, cors, …)',
    /^(express|router|body-parser|raw-body|cors|type-is|content-type|negotiator|parseurl|finalhandler|on-finished|mime-types|mime-db|accepts|send|fresh|etag|media-typer|iconv-lite|statuses|depd|http-errors|vary|qs|encodeurl|escape-html|proxy-addr|forwarded|whatwg-mimetype|range-parser|cookie|content-disposition|merge-descriptors|utils-merge)$/,
  ],
  ['async_hooks (AsyncLocalStorage propagation)', /^node:(internal\/)?async_hooks/],
  ['node:crypto (hashes)', /^node:internal\/crypto/],
  ['Node HTTP, sockets, streams, events, timers', /^node:/],
  ['garbage collector', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
];

function layerOf(node: ProfileNode, byId: Map<number, ProfileNode>, parent: Map<number, number>) {
  let current: ProfileNode | undefined = node;
  // A native frame (no script) counts for its nearest caller that has a script.
  while (current && !current.callFrame.url && !current.callFrame.functionName.startsWith('(')) {
    const up = parent.get(current.id);
    current = up === undefined ? undefined : byId.get(up);
  }
  const frame = (current ?? node).callFrame;
  const mod = moduleOf(frame.url, frame.functionName);
  return LAYERS.find(([, pattern]) => pattern.test(mod))?.[0] ?? mod;
}

function analyze(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]!));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  const layers = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { callFrame } = node;
    const layer = layerOf(node, byId, parent);
    layers.set(layer, (layers.get(layer) ?? 0) + us);
    const mod = moduleOf(callFrame.url, callFrame.functionName);
    modules.set(mod, (modules.get(mod) ?? 0) + us);
    const file = callFrame.url.includes('node_modules/')
      ? `${mod}/${path.basename(callFrame.url)}`
      : mod;
    const fn = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const busy = total - (modules.get('(idle)') ?? 0);
  const requests = Number(option('requests') ?? 0);
  const table = (rows: Map<string, number>, n: number) =>
    [...rows]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([name, us]) =>
          `| ${name} | ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)}% | ${name === '(idle)' ? '–' : `${((100 * us) / busy).toFixed(1)}%`} |${requests ? ` ${(us / requests).toFixed(1)} |` : ''}`,
      )
      .join('\n');
  console.log(
    `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy\n`,
  );
  const head = (first: string) =>
    `| ${first} | self ms | of all | of busy |${requests ? ' µs/request |' : ''}\n|---|---:|---:|---:|${requests ? '---:|' : ''}`;
  console.log(head('layer (self time; native calls count for their caller)'));
  console.log(table(layers, 30));
  console.log(`\n${head('module')}`);
  console.log(table(modules, 40));
  console.log(`\n${head('function')}`);
  console.log(table(functions, 40));
}

/** The child: autocannon against `url`, cycling over the person ids; prints the result as JSON. */
async function drive(url: string, idsFile: string): Promise<void> {
  const persons = JSON.parse(readFileSync(idsFile, 'utf8')) as string[];
  let next = 0;
  const body = () =>
    JSON.stringify({ query: LOOKUP_ONE, variables: { id: persons[next++ % persons.length] } });
  const target = { name: 'real server, embedded, cache off', url, stop: async () => undefined };
  const r = await loadTarget('S', target, 'lookup', CONNECTIONS, SECONDS, body);
  console.log(JSON.stringify(r));
}

function runChild(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`driver exit ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const analyzeFile = option('analyze');
  if (analyzeFile) return analyze(analyzeFile);
  const driveUrl = option('drive');
  if (driveUrl) return drive(driveUrl, option('ids')!);

  const data = generateGraph(10_000, 42);
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-profile-lookup-'));
  const graph = await openGraph({
    engine: 'embedded',
    path: path.join(dir, 'graph.lbug'),
    queryTimeoutMs: 60_000,
  });
  try {
    await applySchema(graph);
    await bulkLoad(graph, data);
    const idsFile = path.join(dir, 'persons.json');
    writeFileSync(idsFile, JSON.stringify(data.ids.persons));
    const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: true }));
    const target = await realServer('real server, embedded, cache off', graph, {}, { logger });
    try {
      process.stderr.write(`load ${loadavg()[0]?.toFixed(2)}; driving ${target.url}\n`);
      const profileFile = option('profile');
      const session = profileFile ? new Session() : undefined;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
      }
      const cpu = process.cpuUsage();
      const output = await runChild([
        `--drive=${target.url}`,
        `--ids=${idsFile}`,
        `--seconds=${SECONDS}`,
      ]);
      const used = process.cpuUsage(cpu);
      if (session && profileFile) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(profileFile, JSON.stringify(profile));
        session.disconnect();
      }
      const result = JSON.parse(output) as {
        reqPerSec: number;
        p50: number;
        requests: number;
        bodyErrors: number;
        non2xx: number;
      };
      console.log(
        `${result.reqPerSec} req/s, p50 ${result.p50} ms, ${result.requests} requests, ` +
          `${result.non2xx} non-2xx, ${result.bodyErrors} with errors; server CPU ${Math.round((used.user + used.system) / result.requests)} µs/request (all threads)`,
      );
    } finally {
      await target.stop();
    }
  } finally {
    await graph.port.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
