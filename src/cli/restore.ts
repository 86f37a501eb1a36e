/**
 * `npm run restore`: rebuilds the stopped embedded database from a snapshot
 * and the write journal (see docs/reliability.md).
 *
 *   npm run restore                          newest intact snapshot + journal
 *   npm run restore -- --snapshot <file>     that snapshot + journal
 *   npm run restore -- --list                list the snapshots
 *
 * The files it replaces are moved to `<db>.replaced-<time>/`, never deleted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listSnapshots, restoreEmbeddedGraph, snapshotIntact } from '../graph';
import { failureLine, graphConfigFromEnv } from './cli-graph';

function serverPid(dbPath: string): number | undefined {
  if (!existsSync(`${dbPath}.pid`)) return undefined;
  const pid = Number(readFileSync(`${dbPath}.pid`, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // a pid file left by a killed server
  }
}

async function main(args: string[]): Promise<void> {
  const config = graphConfigFromEnv();
  if (config.engine !== 'embedded' || config.path === ':memory:') {
    throw new Error(
      'restore works on an on-disk embedded database; for Neo4j use `neo4j-admin database load`.',
    );
  }
  const dbPath = config.path;
  if (args.includes('--list')) {
    const snapshots = listSnapshots(dbPath);
    if (snapshots.length === 0) console.log(`No snapshots in ${path.resolve(dbPath)}.snapshots.`);
    for (const s of snapshots) {
      console.log(
        `${s.file}  position ${s.seq}  ${s.at}  ${(s.bytes / 2 ** 20).toFixed(1)} MB  ${snapshotIntact(s) ? 'intact' : 'DAMAGED'}`,
      );
    }
    return;
  }
  const at = args.indexOf('--snapshot');
  const snapshot = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !snapshot)
    throw new Error('--snapshot needs a file (see `npm run restore -- --list`).');
  const pid = serverPid(dbPath);
  if (pid !== undefined)
    throw new Error(
      `a server (pid ${pid}) has ${path.resolve(dbPath)} open; stop it first, then restore.`,
    );
  const started = performance.now();
  const summary = await restoreEmbeddedGraph(config, snapshot);
  console.log(
    `Restored ${path.resolve(dbPath)} from ${summary.snapshot.file} (position ${summary.snapshot.seq}, ${summary.snapshot.at}) ` +
      `plus ${summary.replayed} journal entries in ${Math.round(performance.now() - started)} ms.`,
  );
  if (summary.failed.length > 0)
    console.log(
      `${summary.failed.length} entries failed to replay: ${summary.failed.map((f) => `#${f.seq} ${f.reason}`).join('; ')}`,
    );
  if (summary.movedTo) console.log(`The files it replaced are in ${summary.movedTo}.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`restore failed: ${failureLine(error)}`);
  process.exitCode = 1;
});
