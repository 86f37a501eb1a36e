/**
 * A throwaway PostgreSQL cluster for the peer: initdb in a temp dir, one
 * postgres server on a free loopback port, stopped and deleted at the end.
 * The bench installs nothing: when the binaries are missing, `findPostgres`
 * says how to install them and the caller skips the peer.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where initdb and postgres live, or why they cannot be used. */
export type PostgresLookup =
  | { readonly ok: true; readonly binDir: string; readonly version: string }
  | { readonly ok: false; readonly reason: string };

const INSTALL_HINT =
  'install it with `apt-get install postgresql` (Debian/Ubuntu) or set PG_BIN to the directory holding initdb and postgres';

/** Looks in $PG_BIN, then Debian's /usr/lib/postgresql/<version>/bin (newest first), then $PATH. */
export function findPostgres(): PostgresLookup {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(path.delimiter));
  const binDir = candidates.find(
    (dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
  );
  if (!binDir)
    return {
      ok: false,
      reason: `PostgreSQL not found (no initdb and postgres in $PG_BIN, /usr/lib/postgresql/*/bin or $PATH): ${INSTALL_HINT}`,
    };
  const version = execFileSync(path.join(binDir, 'postgres'), ['--version'], {
    encoding: 'utf8',
  }).trim();
  return { ok: true, binDir, version };
}

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresCluster {
  readonly port: number;
  readonly version: string;
  /** A libpq connection string for the superuser `postgres`, database `postgres`. */
  readonly connectionString: string;
  /** A directory the server can read, for COPY ... FROM files. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL refuses to run as root, so under root the cluster belongs to the
 * `postgres` system user (Debian's package creates it) and every binary runs
 * through `runuser`.
 */
function runAs():
  { readonly uid: number; readonly gid: number; readonly user: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const read = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: read('-u'), gid: read('-g'), user: 'postgres' };
  } catch {
    throw new Error(
      'running as root, and there is no `postgres` user to own the cluster (PostgreSQL refuses to run as root): create one, or run the bench as a normal user',
    );
  }
}

const command = (user: string | undefined, bin: string, args: string[]): [string, string[]] =>
  user ? ['runuser', ['-u', user, '--', bin, ...args]] : [bin, args];

async function waitReady(
  binDir: string,
  user: string | undefined,
  port: number,
  server: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`postgres exited with code ${server.exitCode} before accepting connections`);
    const [cmd, args] = command(user, path.join(binDir, 'pg_isready'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-q',
    ]);
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(
    `postgres did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms`,
  );
}

/**
 * Creates and starts a cluster with the stock configuration, except: TCP on
 * 127.0.0.1 only (no Unix socket, so nothing is written outside the temp dir),
 * trust authentication (loopback, throwaway data), the C locale (byte-order
 * sorting, as LadybugDB sorts) and fsync off: the data is generated and
 * thrown away, and the bench measures reads.
 */
export async function startCluster(
  lookup: Extract<PostgresLookup, { ok: true }>,
): Promise<PostgresCluster> {
  const owner = runAs();
  const root = mkdtempSync(path.join(tmpdir(), 'kg-bench-pg-'));
  const dataDir = path.join(root, 'data');
  if (owner) {
    chownSync(root, owner.uid, owner.gid);
    chmodSync(root, 0o755);
  }
  const user = owner?.user;
  const [initCmd, initArgs] = command(user, path.join(lookup.binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--locale=C',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const port = await freePort();
  const [pgCmd, pgArgs] = command(user, path.join(lookup.binDir, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'fsync=off',
  ]);
  const server = spawn(pgCmd, pgArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  try {
    await waitReady(lookup.binDir, user, port, server, 30_000);
  } catch (error) {
    server.kill('SIGTERM');
    cleanup();
    throw new Error(
      `${(error as Error).message}; postgres said: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
    );
  }
  return {
    port,
    version: lookup.version,
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: root,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
        // SIGINT is postgres's "fast shutdown": roll back open transactions and exit.
        server.kill('SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      cleanup();
    },
  };
}
