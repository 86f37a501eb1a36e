/**
 * Helpers for the durability suites: a write loop that records which
 * statements were acknowledged, the ids present in a server's graph, and
 * real damage to a stopped database's files.
 */
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { CHILD_TOKEN, type ChildServer, errorsOf, postRaw } from './support';

const AUTH = { authorization: `Bearer ${CHILD_TOKEN}` };
const ADD = 'mutation($input: AddStatementInput!) { addStatement(input: $input) { id } }';

export interface WriteLog {
  /** Ids whose addStatement answered without errors. */
  readonly acknowledged: string[];
  /** Ids whose addStatement answered with an error, by code. */
  readonly refused: Array<{ id: string; code: string }>;
  /** Ids sent but never answered (the server died). */
  readonly inDoubt: string[];
}

export function newWriteLog(): WriteLog {
  return { acknowledged: [], refused: [], inDoubt: [] };
}

/** `writers` loops of addStatement until `stop()` is true or the server stops answering. */
export async function writeStatements(
  server: ChildServer,
  log: WriteLog,
  prefix: string,
  { writers = 4, stop }: { writers?: number; stop: () => boolean },
): Promise<void> {
  let sequence = 0;
  const writer = async (w: number) => {
    while (!stop()) {
      const id = `${prefix}-w${w}-${sequence++}`;
      try {
        const res = await postRaw(
          server.url,
          {
            query: ADD,
            variables: {
              input: {
                id,
                text: `Durable ${id}`,
                kind: 'QUOTE',
                speakerId: 'antony-blinken',
                sourceId: 'report-north-korean-troops-kursk',
                mentionIds: ['russia'],
              },
            },
          },
          { headers: AUTH, timeoutMs: 20_000 },
        );
        const errors = errorsOf(res.body);
        if (res.status === 200 && errors.length === 0) log.acknowledged.push(id);
        else
          log.refused.push({
            id,
            code: String(errors[0]?.extensions?.code ?? `HTTP_${res.status}`),
          });
      } catch {
        // No answer: the server died (the caller then sets stop) or the answer timed out under load.
        log.inDoubt.push(id);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
}

/** Every statement id in the server's graph. */
export async function statementIds(server: ChildServer): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const res = await postRaw(server.url, {
      query:
        'query($after: String) { statements(first: 100, after: $after, orderBy: { field: ID }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      variables: { after },
    });
    expect(errorsOf(res.body)).toEqual([]);
    const page = res.body.data.statements;
    for (const edge of page.edges) ids.add(edge.node.id);
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

/**
 * Overwrites `pages` 4 KiB pages of `file` with `fill`: consecutive pages from
 * `fromFraction` of its length, or with `spread`, pages evenly spaced over the
 * whole file after its header page (so some land on catalog and table data).
 */
export function damageSpread(
  file: string,
  { pages, fill = 0 }: { pages: number; fill?: number },
): { pages: number[] } {
  const total = Math.floor(statSync(file).size / 4096);
  const chosen = Array.from({ length: pages }, (_, i) => 1 + Math.floor((i * (total - 1)) / pages));
  const fd = openSync(file, 'r+');
  try {
    for (const page of chosen) writeSync(fd, Buffer.alloc(4096, fill), 0, 4096, page * 4096);
  } finally {
    closeSync(fd);
  }
  return { pages: chosen };
}

/** Overwrites `pages` consecutive 4 KiB pages of `file` with `fill`, starting at `fromFraction` of its length. */
export function damagePages(
  file: string,
  { pages, fromFraction, fill = 0 }: { pages: number; fromFraction: number; fill?: number },
): { offset: number; bytes: number } {
  if (!existsSync(file)) throw new Error(`${file} does not exist: nothing to damage`);
  const size = statSync(file).size;
  const bytes = Math.min(pages * 4096, size);
  const offset = Math.max(
    0,
    Math.min(size - bytes, Math.floor((size * fromFraction) / 4096) * 4096),
  );
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(bytes, fill), 0, bytes, offset);
  } finally {
    closeSync(fd);
  }
  return { offset, bytes };
}
