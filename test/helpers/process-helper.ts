/**
 * Server processes for startup tests: `src/cli/serve.ts` run by Node with the
 * tsx loader (`node --import tsx`, one process, so signals reach the server
 * itself), with a controlled environment, captured output and a timeout.
 *
 * The child's environment is this process's minus every variable the server
 * reads (and minus NODE_ENV, which jest sets to "test"), plus `env`: a
 * NEO4J_URI meant for the Neo4j suites never leaks into a child.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SERVE_ENTRY = path.join(REPO_ROOT, 'src/cli/serve.ts');

/** Every variable `src/config/config.ts` reads, plus NODE_ENV. */
const SERVER_VARIABLES = [
  'PORT',
  'HOST',
  'NODE_ENV',
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_DATABASE',
  'EMBEDDED_DB_PATH',
  'API_TOKEN',
  'CORS_ORIGINS',
  'LOG_LEVEL',
  'QUERY_TIMEOUT_MS',
  'READY_TIMEOUT_MS',
  'MAX_DEPTH',
  'MAX_ALIASES',
  'MAX_TOKENS',
  'MAX_COST',
  'BODY_LIMIT_BYTES',
  'INTROSPECTION',
  'PLAYGROUND',
  'SEED_ON_START',
  'SHUTDOWN_GRACE_MS',
  'ANALYST_TOKEN',
  'CYPHER_MAX_ROWS',
  'CYPHER_RATE_LIMIT',
  'INGEST_MAX_BYTES',
  'RESPONSE_CACHE',
  'RESPONSE_CACHE_MAX_BYTES',
  'REDIS_URL',
];

export interface ProcessResult {
  /** The exit code; null when the process was ended by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the helper killed the process because it ran past its timeout. */
  readonly timedOut: boolean;
}

export interface ServeProcess {
  readonly pid: number;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process exits (after a timeout, the helper kills it with SIGKILL). */
  readonly exited: Promise<ProcessResult>;
  /** Sends a signal to the process; no-op once it has exited. */
  signal(signal: NodeJS.Signals): void;
}

const children = new Set<ChildProcess>();

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_VARIABLES) delete base[name];
  return { ...base, ...env };
}

/** Spawns the server with `env`; it is killed with SIGKILL if still running after `timeoutMs`. */
export function spawnServe(
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): ServeProcess {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE_ENTRY], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const exited = new Promise<ProcessResult>((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    // 'close' rather than 'exit': the output streams are fully read by then.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
  return {
    pid: child.pid ?? -1,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    signal(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** Runs the server with `env` until it exits (or the timeout kills it). */
export function runServe(
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return spawnServe(env, options).exited;
}

/**
 * Spawns the server and waits until it prints its "ready at" line. Rejects,
 * with the captured output, when the process exits or the wait times out first.
 */
export async function startServe(
  env: Record<string, string>,
  options: { timeoutMs?: number; readyTimeoutMs?: number } = {},
): Promise<ServeProcess> {
  const serve = spawnServe(env, options);
  const readyTimeoutMs = options.readyTimeoutMs ?? 45_000;
  const deadline = Date.now() + readyTimeoutMs;
  let exited: ProcessResult | undefined;
  void serve.exited.then(
    (result) => (exited = result),
    () => undefined,
  );
  while (!/API ready at /.test(serve.stdout())) {
    if (exited) {
      throw new Error(
        `The server exited (code ${exited.code}, signal ${exited.signal}) before it was ready.\nstderr: ${exited.stderr}\nstdout: ${exited.stdout}`,
      );
    }
    if (Date.now() > deadline) {
      serve.signal('SIGKILL');
      throw new Error(
        `The server was not ready within ${readyTimeoutMs} ms.\nstderr: ${serve.stderr()}\nstdout: ${serve.stdout()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return serve;
}

/** A TCP port that was free a moment ago (listen on 0, read the port, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The JSON log lines (pino) in `stdout`, in order. */
export function logLines(stdout: string): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a partial line
    }
  }
  return lines;
}

/** Kills (SIGKILL) every server process this helper started that is still running; for afterAll. */
export async function killStartedProcesses(): Promise<void> {
  const running = [...children];
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
