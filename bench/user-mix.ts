/**
 * A workload that looks like users rather than one fixed query: entity pages,
 * statement lists, search and neighbourhoods, 99% reads and 1% writes
 * (addStatement), with the entity chosen by a Zipf law over the graph's most
 * mentioned entities, so a few pages are hit very often. Seeded: the same
 * seed gives the same sequence of requests.
 */
import type { Graph } from '../src/graph';
import { type LoadResult, loadTarget, realServer } from './http-load';
import { BENCH_TOKEN } from './measure';
import { type SyntheticGraph, Zipf, mulberry32 } from './synthetic-graph';

/** Share of each kind of request, in percent; they add up to 100. */
export const MIX = {
  entityPage: 40,
  statementList: 30,
  search: 15,
  neighborhood: 14,
  addStatement: 1,
} as const;

/** The root field that looks up an entity of each id prefix the generator uses. */
export const ROOT_BY_PREFIX: Record<string, string> = {
  person: 'person',
  state: 'state',
  org: 'organization',
  unit: 'militaryUnit',
  loc: 'location',
  event: 'event',
};

export interface MixRequest {
  readonly kind: keyof typeof MIX;
  readonly body: string;
}

/** An endless, seeded sequence of requests in the proportions of `MIX`. */
export function userMix(data: SyntheticGraph, seed: number): () => MixRequest {
  const random = mulberry32(seed);
  // entityIds are in popularity order (rank 0 is the most mentioned), so a Zipf rank is an index.
  const ids = data.ids.entityIds;
  const zipf = new Zipf(ids.length, 1.0, random);
  const names = new Map(
    data.nodes
      .filter((n) => ids.includes(n.row.id as string))
      .map((n) => [n.row.id as string, n.row.name as string]),
  );
  let written = 0;
  return () => {
    const id = ids[zipf.next()] as string;
    const roll = random() * 100;
    const json = (
      kind: keyof typeof MIX,
      query: string,
      variables: Record<string, unknown>,
    ): MixRequest => ({ kind, body: JSON.stringify({ query, variables }) });
    if (roll < MIX.entityPage) {
      const root = ROOT_BY_PREFIX[id.split('-')[0] as string] ?? 'person';
      return json(
        'entityPage',
        `query Page($id: ID!) { ${root}(id: $id) { id name description category mentionedIn(first: 10) { id text } } }`,
        { id },
      );
    }
    if (roll < MIX.entityPage + MIX.statementList) {
      return json(
        'statementList',
        `query List($id: ID!) { statements(first: 20, filter: { mentionsId: $id }) { edges { node { id text kind } } } }`,
        { id },
      );
    }
    if (roll < MIX.entityPage + MIX.statementList + MIX.search) {
      const text =
        (names.get(id) ?? data.ids.searchText).split(' ')[0]?.toLowerCase() ?? data.ids.searchText;
      return json(
        'search',
        `query Search($t: String!) { search(text: $t, first: 10) { score node { __typename ... on Entity { id name } } } }`,
        { t: text },
      );
    }
    if (roll < 100 - MIX.addStatement) {
      return json(
        'neighborhood',
        `query Hood($id: ID!) { neighborhood(id: $id, hops: 1, limit: 50) { truncated nodes { id name } edges { type from to } } }`,
        { id },
      );
    }
    written += 1;
    return json(
      'addStatement',
      `mutation Add($input: AddStatementInput!) { addStatement(input: $input) { id } }`,
      {
        input: {
          id: `mix-stmt-${seed}-${written}-${Date.now().toString(36)}`,
          text: 'A user-mix statement about talks.',
          kind: 'QUOTE',
          speakerId: data.ids.speakerId,
          sourceId: data.ids.sourceId,
          mentionIds: [id],
        },
      },
    );
  };
}

/**
 * The mix against our real server on the embedded graph, twice in a row with
 * the same requests: the second pass finds whatever the first left in the
 * engine's and the OS's caches. The server runs with the response cache off
 * (BENCH_SERVER_CONFIG); the mix with the cache on, warm, against the peer is
 * `bench/peer/mix-peer.ts` (reads only). Every request carries the API token,
 * since the 1% of writes need it.
 */
export async function runUserMix(
  scale: string,
  data: SyntheticGraph,
  embedded: Graph,
  seconds: number,
  connections: readonly number[],
  seed: number,
  log: (line: string) => void,
): Promise<LoadResult[]> {
  const server = await realServer('real server, embedded', embedded);
  const out: LoadResult[] = [];
  try {
    for (const pass of ['first pass', 'second pass'] as const) {
      for (const c of connections) {
        const next = userMix(data, seed);
        const r = await loadTarget(
          scale,
          server,
          `user mix (${pass})`,
          c,
          seconds,
          () => next().body,
          { authorization: `Bearer ${BENCH_TOKEN}` },
        );
        log(
          `  user mix ${scale} ${pass} c=${c}: ${r.reqPerSec} req/s p50 ${r.p50} ms p99 ${r.p99} ms non2xx ${r.non2xx} bodyErrors ${r.bodyErrors}`,
        );
        out.push(r);
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}
