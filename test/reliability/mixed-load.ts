/**
 * The concurrent mix that crashed LadybugDB (issue 11): clients racing
 * `upsertPerson`/`upsertState` on shared ids, `addStatement`, `link`/`unlink`,
 * `deleteEntity(cascade: true)` followed by re-creation, and reads of
 * `neighborhood(hops: 2)`, `search` and `statements(filter:)`.
 *
 * Used by concurrent-mix.test.ts, and runnable on its own to measure
 * throughput against any server:
 *   MIX_URL=http://127.0.0.1:4000/graphql MIX_SECONDS=20 npx tsx test/reliability/mixed-load.ts
 */
import { CHILD_TOKEN, errorsOf, postRaw } from './support';

const AUTH = { authorization: `Bearer ${CHILD_TOKEN}` };
const SOURCE = 'report-north-korean-troops-kursk';
/** Codes the mix provokes on purpose: lost races and deleted ends. */
export const EXPECTED_CODES = new Set(['CONFLICT', 'NOT_FOUND']);

export interface MixResult {
  readonly requests: number;
  readonly reads: number;
  readonly writes: number;
  readonly seconds: number;
  /** Error codes by count (expected ones included). */
  readonly codes: Record<string, number>;
  /** Requests that got no HTTP answer (connection refused or reset). */
  readonly transportFailures: number;
}

type Op = () => { query: string; variables: Record<string, unknown>; write: boolean };

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/** The operations of the mix, over a small pool of ids so that they collide. */
function operations(): Op[] {
  const contested = Array.from({ length: 4 }, (_, i) => `mix-contested-${i}`);
  const people = Array.from({ length: 6 }, (_, i) => `mix-person-${i}`);
  let serial = 0;
  const entity = (id: string) => ({ id, name: `Mix ${id}`, description: `round ${serial}` });
  const writes: Op[] = [
    () => ({
      query: 'mutation($i: EntityInput!) { upsertPerson(input: $i) { id } }',
      variables: { i: entity(pick(contested)) },
      write: true,
    }),
    () => ({
      query: 'mutation($i: EntityInput!) { upsertState(input: $i) { id } }',
      variables: { i: entity(pick(contested)) },
      write: true,
    }),
    () => ({
      query: 'mutation($i: EntityInput!) { upsertPerson(input: $i) { id } }',
      variables: { i: entity(pick(people)) },
      write: true,
    }),
    () => ({
      query: 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }',
      variables: {
        i: {
          id: `mix-st-${process.pid}-${serial++}`,
          text: 'Mixed load statement',
          kind: 'PARAPHRASE',
          speakerId: pick(people),
          sourceId: SOURCE,
          mentionIds: ['russia', pick(people)],
        },
      },
      write: true,
    }),
    () => ({
      query: 'mutation($i: LinkInput!) { link(input: $i) { changed } }',
      variables: {
        i: {
          type: 'HOLDS_ROLE',
          from: pick(people),
          to: pick(['nato', 'white-house', 'pentagon']),
          properties: { title: `Role ${serial++}` },
        },
      },
      write: true,
    }),
    () => ({
      query: 'mutation($i: UnlinkInput!) { unlink(input: $i) { changed } }',
      variables: {
        i: {
          type: 'HOLDS_ROLE',
          from: pick(people),
          to: pick(['nato', 'white-house', 'pentagon']),
        },
      },
      write: true,
    }),
    () => ({
      query: 'mutation($id: ID!) { deleteEntity(id: $id, cascade: true) { deletedNodes } }',
      variables: { id: pick(people) },
      write: true,
    }),
  ];
  const reads: Op[] = [
    () => ({
      query:
        'query($id: ID!) { neighborhood(id: $id, hops: 2, limit: 200) { nodes { id } edges { type } truncated } }',
      variables: { id: pick(['russia', 'antony-blinken', 'north-korea', ...people]) },
      write: false,
    }),
    () => ({
      query: 'query($t: String!) { search(text: $t, first: 10) { score } }',
      variables: { t: pick(['Mix', 'Blinken', 'Russia', 'troops']) },
      write: false,
    }),
    () => ({
      query:
        'query($s: ID) { statements(first: 20, filter: { speakerId: $s, mentionsId: "russia" }) { edges { node { id text speaker { __typename } mentions { id } } } } }',
      variables: { s: pick([...people, 'antony-blinken']) },
      write: false,
    }),
  ];
  // Half reads, half writes: the crash needs scans running while writes commit.
  return [
    ...writes,
    ...Array.from({ length: Math.ceil(writes.length / reads.length) }, () => reads).flat(),
  ];
}

/**
 * Runs `clients` loops for `seconds` against `url`. Stops early when
 * `alive()` turns false (the server died); a crash shows as transport failures.
 */
export async function runMixedLoad(
  url: string,
  {
    clients,
    seconds,
    alive = () => true,
  }: { clients: number; seconds: number; alive?: () => boolean },
): Promise<MixResult> {
  const ops = operations();
  const codes: Record<string, number> = {};
  let requests = 0;
  let reads = 0;
  let writes = 0;
  let transportFailures = 0;
  const started = performance.now();
  const deadline = Date.now() + seconds * 1000;
  const client = async () => {
    while (Date.now() < deadline && alive()) {
      const op = (pick(ops) as Op)();
      try {
        const res = await postRaw(
          url,
          { query: op.query, variables: op.variables },
          { headers: op.write ? AUTH : {}, timeoutMs: 30_000 },
        );
        requests += 1;
        if (op.write) writes += 1;
        else reads += 1;
        for (const e of errorsOf(res.body)) {
          const code = String(e.extensions?.code ?? `HTTP_${res.status}`);
          codes[code] = (codes[code] ?? 0) + 1;
        }
      } catch {
        transportFailures += 1;
        if (!alive()) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return {
    requests,
    reads,
    writes,
    seconds: (performance.now() - started) / 1000,
    codes,
    transportFailures,
  };
}

if (require.main === module) {
  const url = process.env.MIX_URL ?? 'http://127.0.0.1:4000/graphql';
  void runMixedLoad(url, {
    clients: Number(process.env.MIX_CLIENTS ?? 20),
    seconds: Number(process.env.MIX_SECONDS ?? 20),
  }).then((r) => {
    console.info(
      JSON.stringify({ ...r, requestsPerSecond: Math.round((r.requests / r.seconds) * 10) / 10 }),
    );
  });
}
