/**
 * Snapshots of the embedded database: byte copies of its file, taken right
 * after a CHECKPOINT while the engine runs nothing (the caller holds the
 * adapter's exclusive lock), so the copy is a consistent database on its
 * own. Each records the journal position it contains and a SHA-256 of its
 * bytes, so a damaged copy is never restored.
 *
 * Layout, next to the database file `graph.lbug`:
 *   graph.lbug.snapshots/snapshot-0000000042.lbug        the copy
 *   graph.lbug.snapshots/snapshot-0000000042.json        { seq, at, bytes, sha256 }
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface SnapshotInfo {
  /** The copy of the database file. */
  readonly file: string;
  /** Journal position: the snapshot contains entries 1..seq. */
  readonly seq: number;
  readonly at: string;
  readonly bytes: number;
  readonly sha256: string;
}

export function snapshotDir(dbPath: string): string {
  return `${dbPath}.snapshots`;
}

/** Snapshots of `dbPath`, newest (highest position) first. Unreadable metadata is skipped. */
export function listSnapshots(dbPath: string): SnapshotInfo[] {
  const dir = snapshotDir(dbPath);
  if (!existsSync(dir)) return [];
  const infos: SnapshotInfo[] = [];
  for (const name of readdirSync(dir)) {
    if (!/^snapshot-\d+\.json$/.test(name)) continue;
    try {
      const meta = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Omit<
        SnapshotInfo,
        'file'
      >;
      infos.push({ ...meta, file: path.join(dir, name.replace(/\.json$/, '.lbug')) });
    } catch {
      // a half-written metadata file (crash while snapshotting): that snapshot never completed
    }
  }
  return infos.sort((a, b) => b.seq - a.seq || b.at.localeCompare(a.at));
}

/** SHA-256 of a file, read in 1 MiB chunks so large databases do not sit in memory. */
export function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;)
      hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** True when the snapshot's bytes are the ones recorded when it was taken. */
export function snapshotIntact(info: SnapshotInfo): boolean {
  return (
    existsSync(info.file) &&
    statSync(info.file).size === info.bytes &&
    fileSha256(info.file) === info.sha256
  );
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the checkpointed database file into a new snapshot at journal
 * position `seq`. The copy and its metadata are written under temporary names
 * and renamed once flushed, so a crash leaves either a whole snapshot or none.
 */
export async function writeSnapshot(dbPath: string, seq: number): Promise<SnapshotInfo> {
  const dir = snapshotDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `snapshot-${String(seq).padStart(10, '0')}`);
  const tmp = `${base}.lbug.tmp`;
  // The copy runs in another process on purpose. LadybugDB locks its file with a POSIX record lock, which
  // the kernel drops when this process closes *any* descriptor of the file: copying here released the
  // server's lock, and a second server then opened the same database (found by engine-failure.test.ts).
  await execFileAsync('cp', [dbPath, tmp]);
  fsyncFile(tmp);
  const info: SnapshotInfo = {
    file: `${base}.lbug`,
    seq,
    at: new Date().toISOString(),
    bytes: statSync(tmp).size,
    sha256: fileSha256(tmp),
  };
  renameSync(tmp, info.file);
  const { file: _file, ...meta } = info;
  writeFileSync(`${base}.json.tmp`, `${JSON.stringify(meta)}\n`);
  fsyncFile(`${base}.json.tmp`);
  renameSync(`${base}.json.tmp`, `${base}.json`);
  fsyncFile(dir);
  return info;
}

/** Keeps the newest `keep` snapshots and deletes the rest; returns the kept ones, newest first. */
export function pruneSnapshots(dbPath: string, keep: number): SnapshotInfo[] {
  const all = listSnapshots(dbPath);
  for (const old of all.slice(keep)) {
    rmSync(old.file, { force: true });
    rmSync(old.file.replace(/\.lbug$/, '.json'), { force: true });
  }
  return all.slice(0, keep);
}
