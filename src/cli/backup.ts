/**
 * `npm run backup`: takes a consistent snapshot of the embedded database now
 * (see docs/reliability.md). While a server holds the database, it asks that
 * server for the snapshot (SIGUSR2 to the pid in `<db>.pid`) and waits for it;
 * otherwise it opens the database itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type SnapshotInfo,
  GraphErrorCode,
  isGraphError,
  listSnapshots,
  openGraph,
} from '../graph';
import { failureLine, graphConfigFromEnv } from './cli-graph';

/** How long to wait for a running server's snapshot; a 1 GB database copies in a few seconds. */
const SERVER_SNAPSHOT_TIMEOUT_MS = 120_000;

function describe(info: SnapshotInfo): string {
  return `Snapshot ${info.file} at journal position ${info.seq} (${info.at}).`;
}

async function askServer(dbPath: string): Promise<SnapshotInfo> {
  const pid = Number(readFileSync(`${dbPath}.pid`, 'utf8').trim());
  const before = listSnapshots(dbPath)[0]?.at ?? '';
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + SERVER_SNAPSHOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const newest = listSnapshots(dbPath).find((s) => s.at > before);
    if (newest) return newest;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `the server (pid ${pid}) took no snapshot within ${SERVER_SNAPSHOT_TIMEOUT_MS} ms; see its log.`,
  );
}

async function main(): Promise<void> {
  const config = graphConfigFromEnv();
  if (config.engine !== 'embedded' || config.path === ':memory:') {
    throw new Error(
      'backup works on an on-disk embedded database; for Neo4j use `neo4j-admin database dump`.',
    );
  }
  let graph;
  try {
    graph = await openGraph(config);
  } catch (error) {
    if (isGraphError(error) && error.code === GraphErrorCode.LOCKED) {
      console.log(
        `The database at ${path.resolve(config.path)} is in use by a server; asking it for a snapshot.`,
      );
      console.log(describe(await askServer(config.path)));
      return;
    }
    throw error;
  }
  try {
    const info = await graph.port.snapshot?.();
    if (!info) throw new Error('this database keeps no snapshots: set EMBEDDED_JOURNAL=true.');
    console.log(
      describe(
        listSnapshots(config.path).find((s) => s.file === info.file) ?? (info as SnapshotInfo),
      ),
    );
  } finally {
    await graph.port.close();
  }
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${failureLine(error)}`);
  process.exitCode = 1;
});
