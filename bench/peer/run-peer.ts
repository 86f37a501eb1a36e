/**
 * The peer phase of one scale: start PostGraphile on the same synthetic
 * graph, start our real server on the embedded graph, check that both give
 * the same data, then measure both. Everything started here is stopped here.
 */
import type { Graph } from '../../src/graph';
import { type LoadResult, realServer } from '../http-load';
import type { SyntheticGraph } from '../synthetic-graph';
import {
  type PeerFidelity,
  type PeerLatency,
  type PeerPlan,
  checkFidelity,
  measureLatency,
  measureLoad,
} from './compare-peer';
import type { PeerLoadReport } from './load-peer';
import { type PeerMixPlan, type PeerMixRun, runPeerMix } from './mix-peer';
import { startPeer } from './peer';
import type { PostgresLookup } from './postgres-cluster';

export interface PeerRun {
  readonly scale: string;
  readonly postgres: string;
  readonly load: PeerLoadReport;
  readonly fidelity: PeerFidelity;
  readonly latency: PeerLatency[];
  readonly http: LoadResult[];
  /** The compared user mix (`--mix`): ours cold and warm against the peer. */
  readonly mix?: PeerMixRun;
}

export const OURS_NAME = 'ours (real server, embedded)';
export const PEER_NAME = 'PostGraphile 4 + PostgreSQL';

export async function runPeer(
  plan: PeerPlan,
  postgres: Extract<PostgresLookup, { ok: true }>,
  data: SyntheticGraph,
  embedded: Graph,
  log: (line: string) => void,
  mixPlan?: Omit<PeerMixPlan, 'scale'>,
): Promise<PeerRun> {
  const peer = await startPeer(postgres, data);
  log(
    `  ${plan.scale} peer: ${postgres.version}; rows ${JSON.stringify(peer.load.rows)}; CSV ${peer.load.csvMs} ms, schema + COPY + ANALYZE ${peer.load.copyMs} ms`,
  );
  try {
    const ours = await realServer(OURS_NAME, embedded);
    try {
      const fidelity = await checkFidelity(ours.url, peer.url);
      log(`  ${plan.scale} peer: ${fidelity.message}`);
      if (!fidelity.same)
        return {
          scale: plan.scale,
          postgres: postgres.version,
          load: peer.load,
          fidelity,
          latency: [],
          http: [],
        };
      const latency = await measureLatency(plan, { ours: ours.url, peer: peer.url }, data.ids);
      for (const l of latency)
        log(
          `  ${plan.scale} single requests ${l.query} ${l.side}: p50 ${l.p50} ms p99 ${l.p99} ms (${l.reps} reps)`,
        );
      const peerTarget = { name: PEER_NAME, url: peer.url, stop: async () => undefined };
      const http = await measureLoad(plan, { ours, peer: peerTarget }, data.ids, log);
      const mix = mixPlan
        ? await runPeerMix({ scale: plan.scale, ...mixPlan }, data, embedded, peer.url, log)
        : undefined;
      return {
        scale: plan.scale,
        postgres: postgres.version,
        load: peer.load,
        fidelity,
        latency,
        http,
        ...(mix ? { mix } : {}),
      };
    } finally {
      await ours.stop();
    }
  } finally {
    await peer.stop();
  }
}
