/**
 * Opening a damaged embedded database safely, and rebuilding it.
 *
 * - `probeOpen` opens the database in a child process first. A WAL that
 *   segfaults the engine in replay (`replayFrozenWAL`, `replayActiveWAL`), a
 *   damaged data file or an open that runs out of its memory bound kills the
 *   child, not the server, so a bad file can never become a crash loop.
 * - `rebuildFromSnapshot` restores the newest intact snapshot whose copy
 *   opens, replays the journal entries after its position, and only then
 *   moves the damaged files aside and puts the rebuilt one in their place.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import { CypherLibrary } from '../cypher-library';
import type { CypherQuery } from '../port';
import { type JournalEntry, journalPath, readJournal } from './journal';
import { type SnapshotInfo, listSnapshots, snapshotIntact } from './snapshots';

/** What the engine is opened with, in the probe and in the server alike. */
export interface EngineSettings {
  readonly bufferPoolBytes: number;
  readonly maxDbSizeBytes: number;
  readonly checkpointBytes: number;
}

/**
 * How long a probe may take to open and scan the database. Opening the 1M-node
 * benchmark graph takes about 5 s on 2 cores; a probe past this is stuck.
 */
export const PROBE_TIMEOUT_MS = 120_000;

/**
 * Memory the probe may use beyond the buffer pool before it is stopped. The
 * buffer pool does not bound everything: with 30 zeroed pages in its data
 * file, the engine grew to 8.5 GB in 12.7 s with a 512 MiB pool (and to
 * 24 GB with the default pool) outside it. A healthy open of the seed graph
 * peaks at about 150 MB.
 */
export const PROBE_MEMORY_HEADROOM_BYTES = 512 * 2 ** 20;

/** Resident memory of a process, from /proc (Linux); undefined where it cannot be read. */
function residentBytes(pid: number): number | undefined {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return pages * 4096;
  } catch {
    return undefined;
  }
}

/** Plain JS, run with `node -e`, so the probe works under tsx, jest and the built server alike. */
const PROBE_SCRIPT = `
const [modulePath, dbPath, pool, maxSize, checkpoint, ...queries] = process.argv.slice(1);
const { Database, Connection } = require(modulePath);
(async () => {
  const db = new Database(dbPath, Number(pool), true, false, Number(maxSize), true, Number(checkpoint));
  await db.init();
  const conn = new Connection(db);
  await conn.init();
  let nodes = 0;
  for (const q of queries) {
    const r = await conn.query(q);
    const rows = await r.getAll();
    r.close();
    if (q === queries[1]) nodes = rows.reduce((sum, row) => sum + Number(row.total), 0);
  }
  process.stdout.write(JSON.stringify({ nodes }) + '\\n');
  await conn.close();
  await db.close();
})().then(() => process.exit(0), (e) => { process.stderr.write(String(e && e.message || e) + '\\n'); process.exit(3); });
`;

/** A probe that opened the database says how many nodes it counted. */
export type ProbeResult =
  { readonly ok: true; readonly nodes: number } | { readonly ok: false; readonly reason: string };

/**
 * The queries the probe runs: a ping, and a count of every node and
 * relationship table (a full scan). The script sums the second one's `total`.
 */
function probeQueries(): string[] {
  const library = new CypherLibrary('embedded');
  return ['health/ping', 'aggregate/count-by-label', 'aggregate/count-by-type'].map(
    (name) => library.get(name).text,
  );
}

/** Opens and scans `dbPath` in a child process; never throws. */
export function probeOpen(
  dbPath: string,
  settings: EngineSettings,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  const args = [
    '-e',
    PROBE_SCRIPT,
    require.resolve('@ladybugdb/core'),
    dbPath,
    String(settings.bufferPoolBytes),
    String(settings.maxDbSizeBytes),
    String(settings.checkpointBytes),
    ...probeQueries(),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const memoryLimit = settings.bufferPoolBytes + PROBE_MEMORY_HEADROOM_BYTES;
    let peak = 0;
    let overLimit = false;
    // 50 ms at the 700 MB/s the damaged file grew at overshoots the limit by at most ~35 MB.
    const watch = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentBytes(child.pid);
      if (rss === undefined) return;
      peak = Math.max(peak, rss);
      if (rss > memoryLimit && !overLimit) {
        overLimit = true;
        child.kill('SIGKILL');
      }
    }, 50);
    const done = () => {
      clearTimeout(timer);
      clearInterval(watch);
    };
    child.once('error', (error) => {
      done();
      resolve({ ok: false, reason: `the probe could not start: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      done();
      if (code === 0) {
        const nodes = Number((JSON.parse(stdout.trim() || '{}') as { nodes?: unknown }).nodes);
        return resolve(
          Number.isFinite(nodes)
            ? { ok: true, nodes }
            : { ok: false, reason: `the probe printed no node count (${stdout.trim()})` },
        );
      }
      const message = stderr.trim().split('\n').filter(Boolean).join(' ');
      const mb = (n: number) => Math.round(n / 2 ** 20);
      if (overLimit) {
        return resolve({
          ok: false,
          reason: `opening it needed more than ${mb(memoryLimit)} MB, the memory bound (EMBEDDED_BUFFER_POOL_MB plus ${mb(PROBE_MEMORY_HEADROOM_BYTES)} MB), so the data file is probably damaged`,
        });
      }
      if (signal === 'SIGKILL')
        return resolve({
          ok: false,
          reason: `opening it took longer than ${timeoutMs} ms or ran out of memory (killed)`,
        });
      if (signal)
        return resolve({ ok: false, reason: `the engine crashed while opening it (${signal})` });
      resolve({ ok: false, reason: message || `the probe exited with ${code}` });
    });
  });
}

/** Runs journal entries against a database; supplied by the adapter (avoids an import cycle). */
export interface Replayer {
  applySchema(statements: readonly CypherQuery[]): Promise<void>;
  replay(entry: JournalEntry): Promise<void>;
  close(): Promise<void>;
}

export interface RebuildSummary {
  readonly snapshot: SnapshotInfo;
  readonly replayed: number;
  /** Entries whose replay failed, with the reason (none expected). */
  readonly failed: ReadonlyArray<{ seq: number; reason: string }>;
  /** Where the replaced files went (undefined when there was nothing to move). */
  readonly movedTo: string | undefined;
}

/** Files of the database at `dbPath` (the data file, its WAL, shadow and temporary files). */
function databaseFiles(dbPath: string): string[] {
  const dir = path.dirname(dbPath);
  const base = path.basename(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(
      (name) =>
        name === base ||
        (name.startsWith(`${base}.`) && /^\.(wal|shadow|tmp)/.test(name.slice(base.length))),
    )
    .map((name) => path.join(dir, name));
}

/**
 * Rebuilds `dbPath` from the newest snapshot that is intact and opens, plus
 * the journal after it. `openReplayer` opens a database for replay without a
 * journal of its own. Throws when no snapshot can be used.
 */
export async function rebuildFromSnapshot(
  dbPath: string,
  settings: EngineSettings,
  openReplayer: (file: string) => Promise<Replayer>,
  { reason = 'replaced', only }: { reason?: string; only?: string } = {},
): Promise<RebuildSummary> {
  const snapshots = listSnapshots(dbPath).filter(
    (s) => only === undefined || path.resolve(s.file) === path.resolve(only),
  );
  if (snapshots.length === 0) {
    throw new Error(
      only
        ? `${only} is not a snapshot of ${path.resolve(dbPath)} (see \`npm run restore -- --list\`)`
        : `there is no snapshot in ${path.resolve(dbPath)}.snapshots`,
    );
  }
  const entries = readJournal(journalPath(dbPath));
  const work = `${dbPath}.rebuild`;
  const problems: string[] = [];
  for (const snapshot of snapshots) {
    if (!snapshotIntact(snapshot)) {
      problems.push(`${path.basename(snapshot.file)}: damaged (checksum differs)`);
      continue;
    }
    for (const file of databaseFiles(work)) rmSync(file, { force: true });
    copyFileSync(snapshot.file, work);
    const probe = await probeOpen(work, settings);
    if (!probe.ok) {
      problems.push(`${path.basename(snapshot.file)}: ${probe.reason}`);
      continue;
    }
    const replayer = await openReplayer(work);
    const failed: Array<{ seq: number; reason: string }> = [];
    let replayed = 0;
    try {
      await replayer.applySchema(new CypherLibrary('embedded').statements('schema/create'));
      for (const entry of entries) {
        if (entry.seq <= snapshot.seq) continue;
        try {
          await replayer.replay(entry);
          replayed += 1;
        } catch (error) {
          failed.push({ seq: entry.seq, reason: (error as Error).message });
        }
      }
    } finally {
      await replayer.close();
    }
    const originals = databaseFiles(dbPath);
    let movedTo: string | undefined;
    if (originals.length > 0) {
      movedTo = `${dbPath}.${reason}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      mkdirSync(movedTo, { recursive: true });
      for (const file of originals) renameSync(file, path.join(movedTo, path.basename(file)));
    }
    for (const file of databaseFiles(work)) renameSync(file, dbPath + file.slice(work.length));
    return { snapshot, replayed, failed, movedTo };
  }
  for (const file of databaseFiles(work)) rmSync(file, { force: true });
  throw new Error(`no snapshot could be used (${problems.join('; ')})`);
}
