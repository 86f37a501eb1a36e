/**
 * Shared helpers for the reliability suites (test/reliability/*.test.ts).
 *
 * - `LONG`: `RELIABILITY_LONG=1` selects the long runs; CI runs the short ones.
 * - `graphCounts()`: node and relationship totals read straight from the graph
 *   port, bypassing GraphQL, so a suite can prove that nothing was written.
 * - `postRaw()`: a POST with a hard client-side timeout and timing.
 * - `figure()`: records a figure; every suite prints its figures at the end, and
 *   `RELIABILITY_FIGURES=<file>` appends them as JSON lines for docs/reliability.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Graph } from '../../src/graph';

export const LONG = /^(1|true|yes)$/i.test(process.env.RELIABILITY_LONG ?? '');

/** An integer from the environment, else the CI or long default. */
export function envInt(name: string, ci: number, long: number = ci): number {
  const raw = process.env[name];
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new Error(`${name} must be an integer (got "${raw}").`);
    return n;
  }
  return LONG ? long : ci;
}

export interface GraphCounts {
  readonly nodes: number;
  readonly relationships: number;
  readonly byLabel: Record<string, number>;
  readonly byType: Record<string, number>;
}

/** Node and relationship counts from the port (the same queries graphStats runs). */
export async function graphCounts(graph: Graph): Promise<GraphCounts> {
  const totals = async (query: string) => {
    const rows = await graph.port.read(graph.cypher.get(query));
    return Object.fromEntries(rows.map((r) => [String(r.name), Number(r.total)]));
  };
  const byLabel = await totals('aggregate/count-by-label');
  const byType = await totals('aggregate/count-by-type');
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return { nodes: sum(byLabel), relationships: sum(byType), byLabel, byType };
}

/** Every node id in the graph (for picking real ids in generated queries). */
export async function allIds(graph: Graph): Promise<string[]> {
  const rows = await graph.port.read({
    name: 'test/all-ids',
    text: 'MATCH (n) RETURN n.id AS id ORDER BY id',
  });
  return rows.map((r) => String(r.id));
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: any;
  readonly ms: number;
}

/** POSTs `body` (an object is sent as JSON, a string as is) with a client-side timeout. */
export async function postRaw(
  url: string,
  body: unknown,
  {
    headers = {},
    timeoutMs = 15_000,
  }: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RawResponse> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, text, body: parsed, ms };
}

/** Errors of a GraphQL response body (empty when none or when the body is not GraphQL). */
export function errorsOf(
  body: any,
): Array<{ message: string; extensions?: Record<string, unknown> }> {
  return body && typeof body === 'object' && Array.isArray(body.errors) ? body.errors : [];
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const figures: Array<{ suite: string; name: string; value: unknown }> = [];

/** Records one measured figure of a suite (printed, and appended to RELIABILITY_FIGURES when set). */
export function figure(suite: string, name: string, value: unknown): void {
  figures.push({ suite, name, value });
  const file = process.env.RELIABILITY_FIGURES;
  if (file)
    appendFileSync(
      file,
      `${JSON.stringify({ suite, name, value, at: new Date().toISOString(), long: LONG })}\n`,
    );
}

/** Prints the figures recorded so far (call from afterAll). */
export function printFigures(suite: string): void {
  const mine = figures.filter((f) => f.suite === suite);
  if (mine.length > 0)
    console.info(
      `[${suite}] figures:\n${mine.map((f) => `  ${f.name}: ${JSON.stringify(f.value)}`).join('\n')}`,
    );
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ] as number;
}

export interface ChildServer {
  readonly proc: ChildProcess;
  readonly port: number;
  readonly url: string;
  readonly origin: string;
  /** Everything the process wrote so far. */
  output(): { stdout: string; stderr: string };
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), and wait for the exit. */
  stop(): Promise<number | null>;
}

export const CHILD_TOKEN = 'reliability-token-0123456789';

/**
 * Runs the real process entry (`src/cli/serve.ts`) in a child process on a free
 * port: `node --import tsx`, so that the pid is the server itself and a
 * SIGKILL kills it outright. Resolves once it prints its ready line.
 */
export async function startChildServer(
  env: Record<string, string>,
  { readyTimeoutMs = 60_000 } = {},
): Promise<ChildServer> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      API_TOKEN: CHILD_TOKEN,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server not ready within ${readyTimeoutMs} ms:\n${stdout}\n${stderr}`));
    }, readyTimeoutMs);
    proc.stdout?.on('data', () => {
      if (stdout.includes('ready at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        Object.assign(
          new Error(`server exited with ${code} before it was ready:\n${stdout}\n${stderr}`),
          { code, stdout, stderr },
        ),
      );
    });
  });
  await ready;
  const origin = `http://127.0.0.1:${port}`;
  return {
    proc,
    port,
    url: `${origin}/graphql`,
    origin,
    output: () => ({ stdout, stderr }),
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs the process entry to completion (for start-up failures); resolves with its exit code and output. */
export function runChildToExit(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        API_TOKEN: CHILD_TOKEN,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the process did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}
