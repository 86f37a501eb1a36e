/**
 * The free-space reserve of the embedded database's filesystem. Below it,
 * writes are refused before they start: on a full disk LadybugDB fails in
 * the middle of a commit or checkpoint, and on a 12 MB filesystem that left
 * a write reported as failed visible, an abort on SIGTERM (an uncaught
 * IOException) and a WAL that no longer replayed (issue 11). Refusing early
 * keeps room for the checkpoint, the journal and a clean shutdown.
 */
import { statfsSync } from 'node:fs';
import path from 'node:path';

/** Bytes an unprivileged process may still write on the filesystem holding `file`. */
export function freeBytes(file: string): number {
  const stats = statfsSync(path.dirname(path.resolve(file)));
  return Number(stats.bavail) * Number(stats.bsize);
}

/** Why writes are refused now, or undefined while free space is above `reserveBytes`. */
export function storageShortage(file: string, reserveBytes: number): string | undefined {
  if (reserveBytes <= 0) return undefined;
  const free = freeBytes(file);
  if (free >= reserveBytes) return undefined;
  const mb = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MB`;
  return (
    `only ${mb(free)} free on the disk of ${path.resolve(file)}, below the ${mb(reserveBytes)} reserve ` +
    `(EMBEDDED_STORAGE_RESERVE_MB). Free some space; writes resume by themselves.`
  );
}
