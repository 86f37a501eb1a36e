/**
 * Ours against the peer over HTTP, at one scale: first a fidelity check
 * (same data for the nested page of 100 people and a lookup of each of
 * them), then single-request latency and autocannon load, the two servers
 * interleaved so that a change in the machine's load hits both alike.
 */
import { loadavg } from 'node:os';
import { type LoadResult, type Target, loadTarget } from '../http-load';
import { percentile } from '../measure';
import type { ScenarioIds } from '../synthetic-graph';
import { type Body, LOOKUP, NESTED, PEER_FANOUT, type QueryPair } from './peer-queries';

export type Side = 'ours' | 'peer';

export interface PeerLatency {
  readonly scale: string;
  readonly query: string;
  readonly side: Side;
  readonly reps: number;
  readonly p50: number;
  readonly p99: number;
  readonly loadAvg: number;
}

export interface PeerFidelity {
  readonly same: boolean;
  /** "same data (...)" or the first difference. */
  readonly message: string;
}

async function post(url: string, body: Body): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json: any = await response.json();
  if (response.status !== 200 || json.errors)
    throw new Error(
      `${url} answered ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`,
    );
  return json.data;
}

/** The first place where two JSON values differ, as a path and both values; undefined when equal. */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length)
        return `${at}: ${a.length} items in ours, ${b.length} in the peer's`;
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : `${at}: ours ${JSON.stringify(a)}, peer ${JSON.stringify(b)}`;
}

/** Same data from both servers for the nested page and for a lookup of every person on it? */
export async function checkFidelity(oursUrl: string, peerUrl: string): Promise<PeerFidelity> {
  const compare = async (pair: QueryPair, arg: string | number) => {
    const ours = pair.normaliseOurs(await post(oursUrl, pair.ours(arg)));
    const peer = pair.normalisePeer(await post(peerUrl, pair.peer(arg)));
    return { ours, difference: firstDifference(ours, peer) };
  };
  const nested = await compare(NESTED, PEER_FANOUT);
  if (nested.difference)
    return {
      same: false,
      message: `nested (people(first: ${PEER_FANOUT})) differs at ${nested.difference}`,
    };
  const people = nested.ours as Array<{ id: string; statements: Array<{ mentions: unknown[] }> }>;
  if (people.length !== PEER_FANOUT)
    return {
      same: false,
      message: `nested returned ${people.length} people, expected ${PEER_FANOUT}`,
    };
  for (const person of people) {
    const lookup = await compare(LOOKUP, person.id);
    if (lookup.difference)
      return { same: false, message: `lookup(${person.id}) differs at ${lookup.difference}` };
  }
  const statements = people.reduce((n, p) => n + p.statements.length, 0);
  const mentions = people.reduce(
    (n, p) => n + p.statements.reduce((m, s) => m + s.mentions.length, 0),
    0,
  );
  return {
    same: true,
    message: `same data (nested: ${people.length} people, ${statements} statements, ${mentions} mentions; ${people.length} lookups)`,
  };
}

export interface PeerPlan {
  readonly scale: string;
  readonly reps: number;
  readonly warmup: number;
  readonly seconds: number;
  readonly connections: readonly number[];
}

/** Bodies for one query on one side: nested is always the 100-person page; lookups walk the scenario's persons. */
function bodies(pair: QueryPair, side: Side, ids: ScenarioIds): () => Body {
  let next = 0;
  return () => {
    const arg =
      pair.name === 'nested' ? PEER_FANOUT : (ids.persons[next++ % ids.persons.length] as string);
    return side === 'ours' ? pair.ours(arg) : pair.peer(arg);
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Single requests, one at a time, alternating which side goes first in each rep. */
export async function measureLatency(
  plan: PeerPlan,
  urls: Record<Side, string>,
  ids: ScenarioIds,
): Promise<PeerLatency[]> {
  const out: PeerLatency[] = [];
  for (const pair of [NESTED, LOOKUP]) {
    const next = { ours: bodies(pair, 'ours', ids), peer: bodies(pair, 'peer', ids) };
    const times: Record<Side, number[]> = { ours: [], peer: [] };
    for (let rep = -plan.warmup; rep < plan.reps; rep++) {
      const order: Side[] = rep % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
      for (const side of order) {
        const started = performance.now();
        await post(urls[side], next[side]());
        if (rep >= 0) times[side].push(performance.now() - started);
      }
    }
    for (const side of ['ours', 'peer'] as const) {
      const sorted = times[side].sort((a, b) => a - b);
      out.push({
        scale: plan.scale,
        query: pair.name,
        side,
        reps: sorted.length,
        p50: round(percentile(sorted, 50)),
        p99: round(percentile(sorted, 99)),
        loadAvg: round(loadavg()[0] ?? 0),
      });
    }
  }
  return out;
}

/** autocannon at each connection count, ours and the peer back to back (order alternating). */
export async function measureLoad(
  plan: PeerPlan,
  targets: Record<Side, Target>,
  ids: ScenarioIds,
  log: (line: string) => void,
): Promise<LoadResult[]> {
  const out: LoadResult[] = [];
  let flip = false;
  for (const pair of [LOOKUP, NESTED]) {
    for (const connections of plan.connections) {
      const order: Side[] = flip ? ['peer', 'ours'] : ['ours', 'peer'];
      flip = !flip;
      for (const side of order) {
        const next = bodies(pair, side, ids);
        const r = await loadTarget(
          plan.scale,
          targets[side],
          pair.name,
          connections,
          plan.seconds,
          () => JSON.stringify(next()),
        );
        log(
          `  peer http ${plan.scale} ${targets[side].name} ${pair.name} c=${connections}: ${r.reqPerSec} req/s p50 ${r.p50} ms p99 ${r.p99} ms non2xx ${r.non2xx} bodyErrors ${r.bodyErrors}`,
        );
        out.push(r);
      }
    }
  }
  return out;
}
