/**
 * The peer, start to finish: a throwaway PostgreSQL cluster holding the
 * bench's synthetic graph, served by PostGraphile. `stop` undoes all of it.
 */
import { Client } from 'pg';
import type { SyntheticGraph } from '../synthetic-graph';
import { type PeerLoadReport, loadPeer } from './load-peer';
import { type PeerServer, startPeerServer } from './peer-server';
import { type PostgresCluster, type PostgresLookup, startCluster } from './postgres-cluster';

export interface Peer {
  readonly url: string;
  readonly postgresVersion: string;
  readonly load: PeerLoadReport;
  stop(): Promise<void>;
}

export async function startPeer(
  lookup: Extract<PostgresLookup, { ok: true }>,
  data: SyntheticGraph,
): Promise<Peer> {
  const cluster: PostgresCluster = await startCluster(lookup);
  let server: PeerServer | undefined;
  try {
    const client = new Client({ connectionString: cluster.connectionString });
    await client.connect();
    let load: PeerLoadReport;
    try {
      load = await loadPeer(client, data, cluster.dataDir);
    } finally {
      await client.end();
    }
    server = await startPeerServer(cluster.connectionString);
    const started = server;
    return {
      url: started.url,
      postgresVersion: cluster.version,
      load,
      async stop() {
        await started.stop();
        await cluster.stop();
      },
    };
  } catch (error) {
    await server?.stop();
    await cluster.stop();
    throw error;
  }
}
