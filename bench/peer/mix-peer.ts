/**
 * The user-like mix against the peer: the part of `bench/user-mix.ts` that
 * PostGraphile can answer on the equivalent schema, as the same seeded Zipf
 * sequence on both sides, against our server with the response cache off
 * (cold) and on (warm: warmed by a first pass of the same sequence), and
 * against PostGraphile, interleaved in one run.
 *
 * What the compared mix holds, and what it leaves out on both sides:
 * - entity pages (`person(id) { … mentionedIn(first: 10) }`; the peer's
 *   `entityById { … mentionedIn }`, a computed column in ordinal, id order)
 *   and statement lists (`statements(first: 20, filter: { mentionsId })`;
 *   the peer's `mentionedIn(first: 20)`), 40 : 30 as in `MIX`;
 * - not search: the peer's schema has no full-text index or score (ours
 *   ranks by LadybugDB's FTS score, which PostgreSQL would not reproduce);
 * - not neighbourhoods: a one-hop neighbourhood over every relationship type
 *   in both directions has no one-field equivalent in the peer's schema;
 * - not the 1% of writes: the peer's CRUD mutations could insert a statement
 *   and its mention links, but the compared reads would then see different
 *   data on the two sides after the first write, and the fidelity check could
 *   no longer say "same data". The mix with writes runs against our server
 *   alone (`runUserMix`).
 */
import { loadavg } from 'node:os';
import type { Graph } from '../../src/graph';
import { type LoadResult, type Target, loadTarget, realServer } from '../http-load';
import { type SyntheticGraph, Zipf, mulberry32 } from '../synthetic-graph';
import { MIX, ROOT_BY_PREFIX } from '../user-mix';
import { type PeerFidelity, firstDifference } from './compare-peer';
import type { Body } from './peer-queries';

export type ComparedKind = 'entityPage' | 'statementList';

export interface ComparedRequest {
  readonly kind: ComparedKind;
  readonly id: string;
  readonly ours: Body;
  readonly peer: Body;
}

const ENTITY_PAGE_PEER = `query Page($id: String!) { entityById(id: $id) { id name description category mentionedIn(first: 10, orderBy: [ORDINAL_ASC, ID_ASC]) { nodes { id text } } } }`;
const STATEMENT_LIST_OURS = `query List($id: ID!) { statements(first: 20, filter: { mentionsId: $id }) { edges { node { id text kind } } } }`;
const STATEMENT_LIST_PEER = `query List($id: String!) { entityById(id: $id) { mentionedIn(first: 20, orderBy: [ORDINAL_ASC, ID_ASC]) { nodes { id text kind } } } }`;

const entityPageOurs = (root: string) =>
  `query Page($id: ID!) { ${root}(id: $id) { id name description category mentionedIn(first: 10) { id text } } }`;

/** An endless, seeded sequence of the compared reads: the same Zipf law over the same entities as `userMix`. */
export function comparedMix(data: SyntheticGraph, seed: number): () => ComparedRequest {
  const random = mulberry32(seed);
  const ids = data.ids.entityIds;
  const zipf = new Zipf(ids.length, 1.0, random);
  const share = MIX.entityPage / (MIX.entityPage + MIX.statementList);
  return () => {
    const id = ids[zipf.next()] as string;
    if (random() < share) {
      const root = ROOT_BY_PREFIX[id.split('-')[0] as string] ?? 'person';
      return {
        kind: 'entityPage',
        id,
        ours: { query: entityPageOurs(root), variables: { id } },
        peer: { query: ENTITY_PAGE_PEER, variables: { id } },
      };
    }
    return {
      kind: 'statementList',
      id,
      ours: { query: STATEMENT_LIST_OURS, variables: { id } },
      peer: { query: STATEMENT_LIST_PEER, variables: { id } },
    };
  };
}

/** A response's `data` → one shape for both servers. */
export function normaliseCompared(kind: ComparedKind, side: 'ours' | 'peer', data: any): unknown {
  if (kind === 'entityPage') {
    const e = side === 'ours' ? Object.values(data as Record<string, any>)[0] : data.entityById;
    if (!e) return null;
    const statements = side === 'ours' ? e.mentionedIn : e.mentionedIn.nodes;
    return {
      id: e.id,
      name: e.name,
      description: e.description,
      category: e.category,
      mentionedIn: statements.map((s: any) => ({ id: s.id, text: s.text })),
    };
  }
  const statements =
    side === 'ours'
      ? data.statements.edges.map((edge: any) => edge.node)
      : (data.entityById?.mentionedIn.nodes ?? []);
  return statements.map((s: any) => ({ id: s.id, text: s.text, kind: s.kind }));
}

/**
 * Every request of the mix, from fetch and from autocannon alike, carries
 * these headers. The response cache's key includes `Accept`, and fetch sends
 * "accept: any type" by default while autocannon sends none: without one explicit
 * value, the warm-up pass stored its entries under keys the measured pass
 * never asked for (hit ratio 0.51 right after warming every request at S).
 */
const MIX_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

async function post(url: string, body: Body): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: MIX_HEADERS,
    body: JSON.stringify(body),
  });
  const json: any = await response.json();
  if (response.status !== 200 || json.errors)
    throw new Error(
      `${url} answered ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`,
    );
  return json.data;
}

/** The response cache's hit and miss counters, summed over their labels, from our server's /metrics. */
export async function cacheCounters(graphqlUrl: string): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const sum = (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((n, line) => n + Number(line.trim().split(/\s+/).pop()), 0);
  return { hits: sum('response_cache_hits_total'), misses: sum('response_cache_misses_total') };
}

export interface PeerMixPlan {
  readonly scale: string;
  readonly seconds: number;
  readonly connections: readonly number[];
  readonly seed: number;
  /** Requests of the sequence whose answers are compared across the three servers. */
  readonly checked: number;
}

export interface PeerMixRun {
  readonly scale: string;
  readonly fidelity: PeerFidelity;
  /** One result per server per connection count. */
  readonly http: LoadResult[];
  /** Hit ratio of the warm server during each measured run, from /metrics (hits / (hits + misses)). */
  readonly hitRatio: Array<{ connections: number; hits: number; misses: number; ratio: number }>;
  readonly loadAvg: { start: number; end: number };
}

export const MIX_COLD = 'ours, cache off (cold)';
export const MIX_WARM = 'ours, cache on (warm)';
export const MIX_PEER = 'PostGraphile 4 + PostgreSQL';

/**
 * The first `checked` requests of the sequence, asked of all three servers,
 * and the warm one twice (the second answer comes from its cache): the same
 * data everywhere, or the first difference.
 */
async function checkMixFidelity(
  data: SyntheticGraph,
  plan: PeerMixPlan,
  urls: { cold: string; warm: string; peer: string },
): Promise<PeerFidelity> {
  const next = comparedMix(data, plan.seed);
  const kinds = { entityPage: 0, statementList: 0 };
  let rows = 0;
  for (let i = 0; i < plan.checked; i++) {
    const r = next();
    kinds[r.kind] += 1;
    const peer = normaliseCompared(r.kind, 'peer', await post(urls.peer, r.peer));
    const answers: Array<[string, unknown]> = [
      ['cache off', normaliseCompared(r.kind, 'ours', await post(urls.cold, r.ours))],
      ['cache on', normaliseCompared(r.kind, 'ours', await post(urls.warm, r.ours))],
      ['cache on, again', normaliseCompared(r.kind, 'ours', await post(urls.warm, r.ours))],
    ];
    for (const [label, ours] of answers) {
      const d = firstDifference(ours, peer);
      if (d) return { same: false, message: `mix ${r.kind}(${r.id}), ${label}, differs at ${d}` };
    }
    rows += Array.isArray(peer) ? peer.length : ((peer as any)?.mentionedIn.length ?? 0);
  }
  return {
    same: true,
    message: `same data (mix: ${plan.checked} requests, ${kinds.entityPage} entity pages and ${kinds.statementList} statement lists, ${rows} statements; cache off, cache on, cache on again)`,
  };
}

/** How many requests of the sequence the warm-up pass covers: more than any measured run sends. */
export const WARM_UP_DRAWS = 20_000;

/**
 * The first pass: every distinct request among the first `WARM_UP_DRAWS` of
 * the sequence, once each, 8 at a time, so the measured pass finds a warm
 * cache whatever the scale. (A time-boxed pass left the cache nearly empty at
 * M, where a miss costs about a second under load: 11 requests in 3 s.) The
 * cache's TTL is the responses' max-age (60 s), so the measured runs follow
 * right after.
 */
async function warmUp(
  data: SyntheticGraph,
  seed: number,
  url: string,
): Promise<{ requests: number; ms: number }> {
  const next = comparedMix(data, seed);
  const distinct = new Map<string, Body>();
  for (let i = 0; i < WARM_UP_DRAWS; i++) {
    const r = next();
    distinct.set(JSON.stringify(r.ours), r.ours);
  }
  const queue = [...distinct.values()];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let body = queue.shift(); body; body = queue.shift()) await post(url, body);
    }),
  );
  return { requests: distinct.size, ms: Math.round(performance.now() - started) };
}

export async function runPeerMix(
  plan: PeerMixPlan,
  data: SyntheticGraph,
  embedded: Graph,
  peerUrl: string,
  log: (line: string) => void,
): Promise<PeerMixRun> {
  const loadAvgStart = loadavg()[0] ?? 0;
  const cold = await realServer(MIX_COLD, embedded);
  const warm = await realServer(MIX_WARM, embedded, {
    responseCache: { enabled: true, maxBytes: 64 * 2 ** 20, redisUrl: undefined },
  });
  const peer: Target = { name: MIX_PEER, url: peerUrl, stop: async () => undefined };
  try {
    const fidelity = await checkMixFidelity(data, plan, {
      cold: cold.url,
      warm: warm.url,
      peer: peerUrl,
    });
    log(`  ${plan.scale} peer mix: ${fidelity.message}`);
    if (!fidelity.same)
      return {
        scale: plan.scale,
        fidelity,
        http: [],
        hitRatio: [],
        loadAvg: { start: loadAvgStart, end: loadavg()[0] ?? 0 },
      };
    const run = (target: Target, connections: number, label = 'mix (compared)') => {
      const next = comparedMix(data, plan.seed);
      const side = target === peer ? 'peer' : 'ours';
      return loadTarget(
        plan.scale,
        target,
        label,
        connections,
        plan.seconds,
        () => JSON.stringify(next()[side]),
        MIX_HEADERS,
      );
    };
    const first = await warmUp(data, plan.seed, warm.url);
    log(
      `  ${plan.scale} peer mix warm-up pass: ${first.requests} distinct requests of the first ${WARM_UP_DRAWS} in ${first.ms} ms`,
    );
    const http: LoadResult[] = [];
    const hitRatio: PeerMixRun['hitRatio'] = [];
    const targets = [cold, warm, peer];
    let rotate = 0;
    for (const connections of plan.connections) {
      const order = targets.map((_, i) => targets[(i + rotate) % targets.length] as Target);
      rotate += 1;
      for (const target of order) {
        const before = target === warm ? await cacheCounters(warm.url) : undefined;
        const r = await run(target, connections);
        http.push(r);
        let hits = '';
        if (before) {
          const after = await cacheCounters(warm.url);
          const h = after.hits - before.hits;
          const m = after.misses - before.misses;
          const ratio = h + m ? Math.round((h / (h + m)) * 10000) / 10000 : 0;
          hitRatio.push({ connections, hits: h, misses: m, ratio });
          hits = ` hit ratio ${ratio} (${h} hits, ${m} misses)`;
        }
        log(
          `  peer mix ${plan.scale} ${target.name} c=${connections}: ${r.reqPerSec} req/s p50 ${r.p50} ms p99 ${r.p99} ms non2xx ${r.non2xx} bodyErrors ${r.bodyErrors}${hits}`,
        );
      }
    }
    return {
      scale: plan.scale,
      fidelity,
      http,
      hitRatio,
      loadAvg: { start: loadAvgStart, end: loadavg()[0] ?? 0 },
    };
  } finally {
    await warm.stop();
    await cold.stop();
  }
}

/** The compared mix as a Markdown table: req/s per server and connection count, the ratios, the hit ratio. */
export function peerMixTable(runs: readonly PeerMixRun[]): string {
  const lines = [
    '| scale | conns | cold req/s | warm req/s | PostGraphile req/s | cold / PG | warm / PG | warm hit ratio | cold p50 ms | warm p50 ms | PG p50 ms | load avg start → end |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const run of runs) {
    if (!run.fidelity.same) {
      lines.push(
        `| ${run.scale} | – | not measured: ${run.fidelity.message.replace(/\|/g, '\\|')} |`,
      );
      continue;
    }
    for (const c of [...new Set(run.http.map((h) => h.connections))]) {
      const of = (name: string) => run.http.find((h) => h.target === name && h.connections === c);
      const [cold, warm, pg] = [of(MIX_COLD), of(MIX_WARM), of(MIX_PEER)];
      const ratio = (a?: LoadResult) =>
        a && pg?.reqPerSec ? (a.reqPerSec / pg.reqPerSec).toFixed(2) : '–';
      const hit = run.hitRatio.find((h) => h.connections === c);
      lines.push(
        `| ${run.scale} | ${c} | ${cold?.reqPerSec ?? '–'} | ${warm?.reqPerSec ?? '–'} | ${pg?.reqPerSec ?? '–'} | ${ratio(cold)} | ${ratio(warm)} | ${hit ? hit.ratio : '–'} | ${cold?.p50 ?? '–'} | ${warm?.p50 ?? '–'} | ${pg?.p50 ?? '–'} | ${run.loadAvg.start.toFixed(1)} → ${run.loadAvg.end.toFixed(1)} |`,
      );
    }
  }
  return lines.join('\n');
}
