/**
 * Crash safety of the embedded engine on disk.
 *
 * The real process entry runs in a child process over an on-disk
 * EMBEDDED_DB_PATH. Writers loop on addStatement (speaker, source and two
 * mentions); the process is SIGKILLed mid-loop at a random moment, then
 * restarted on the same files.
 *
 * Specification, after every restart:
 * - the server starts cleanly (ready line, /readyz 200);
 * - every acknowledged statement is present and complete: its speaker, its
 *   source and both mentions;
 * - no statement is half-written: every statement in the graph, including
 *   ones whose response never arrived, has a speaker and a source, and every
 *   statement of this test has both its mentions.
 *
 * Rounds: CRASH_ROUNDS (3 in CI, 10 with RELIABILITY_LONG=1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CHILD_TOKEN,
  type ChildServer,
  envInt,
  errorsOf,
  figure,
  postRaw,
  printFigures,
  startChildServer,
} from './support';

const SUITE = 'crash';
const ROUNDS = envInt('CRASH_ROUNDS', 3, 10);
const WRITERS = 4;
const AUTH = { authorization: `Bearer ${CHILD_TOKEN}` };
const SOURCE = 'report-north-korean-troops-kursk';
const MENTIONS = ['russia', 'north-korea'];

const ADD = `mutation($input: AddStatementInput!) { addStatement(input: $input) { id } }`;

interface StatementRow {
  id: string;
  kind: string;
  speaker: { id: string } | null;
  source: { id: string } | null;
  mentions: Array<{ id: string }>;
}

/** Every statement in the graph, page by page. Errors (e.g. a null source) fail the read. */
async function allStatements(server: ChildServer): Promise<StatementRow[]> {
  const rows: StatementRow[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await postRaw(server.url, {
      query: `query($after: String) { statements(first: 100, after: $after, orderBy: { field: ID }) {
        edges { node { id kind speaker { ... on Person { id } ... on Organization { id } ... on State { id } } source { id } mentions(first: 100) { id } } }
        pageInfo { hasNextPage endCursor } } }`,
      variables: { after },
    });
    expect(errorsOf(res.body)).toEqual([]);
    const page = res.body.data.statements;
    rows.push(...page.edges.map((e: { node: StatementRow }) => e.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

describe('SIGKILL during a write loop on the embedded engine', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-crash-'));
  const env = { EMBEDDED_DB_PATH: path.join(dir, 'graph.lbug'), SEED_ON_START: 'true' };
  const acknowledged: string[] = [];
  const stats = {
    rounds: 0,
    kills: 0,
    acknowledged: 0,
    inFlightAtKill: 0,
    inFlightPresentAfter: 0,
    restartMs: [] as number[],
  };
  let server: ChildServer | undefined;

  afterAll(async () => {
    await server?.kill();
    figure(SUITE, 'kills survived', stats);
    printFigures(SUITE);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `keeps every acknowledged statement whole across ${ROUNDS} kills`,
    async () => {
      server = await startChildServer(env);
      for (let round = 1; round <= ROUNDS; round++) {
        const current = server;
        let stop = false;
        let sequence = 0;
        const inFlight = new Set<string>();
        const writer = async (w: number) => {
          while (!stop) {
            const id = `crash-r${round}-w${w}-${sequence++}`;
            inFlight.add(id);
            try {
              const res = await postRaw(
                current.url,
                {
                  query: ADD,
                  variables: {
                    input: {
                      id,
                      text: `Statement ${id}`,
                      kind: 'QUOTE',
                      speakerId: 'antony-blinken',
                      sourceId: SOURCE,
                      mentionIds: MENTIONS,
                    },
                  },
                },
                { headers: AUTH, timeoutMs: 10_000 },
              );
              if (res.status === 200 && errorsOf(res.body).length === 0) {
                acknowledged.push(id);
                inFlight.delete(id);
              }
            } catch {
              return; // connection reset by the kill: the write is in doubt
            }
          }
        };
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
        // let some writes land, then kill at a random moment
        const deadline = Date.now() + 20_000;
        while (acknowledged.length < stats.acknowledged + 5 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 200 + Math.floor(Math.random() * 1300)));
        await current.kill();
        stop = true;
        await Promise.all(writers);
        stats.kills += 1;
        stats.inFlightAtKill += inFlight.size;
        expect(acknowledged.length).toBeGreaterThan(stats.acknowledged);
        stats.acknowledged = acknowledged.length;

        // restart on the same files
        const started = performance.now();
        server = await startChildServer(env);
        stats.restartMs.push(Math.round(performance.now() - started));
        const ready = await fetch(`${server.origin}/readyz`);
        expect(ready.status).toBe(200);

        const statements = await allStatements(server);
        const byId = new Map(statements.map((s) => [s.id, s]));
        // every acknowledged write survived, whole
        for (const id of acknowledged) {
          const s = byId.get(id);
          expect({
            id,
            speaker: s?.speaker?.id,
            source: s?.source?.id,
            mentions: s?.mentions.map((m) => m.id).sort(),
          }).toEqual({
            id,
            speaker: 'antony-blinken',
            source: SOURCE,
            mentions: [...MENTIONS].sort(),
          });
        }
        // nothing is half-written, acknowledged or not
        for (const s of statements) {
          // The source's own (REPORTED) statements have no speaker by design.
          expect({ id: s.id, speaker: Boolean(s.speaker), source: Boolean(s.source) }).toEqual({
            id: s.id,
            speaker: s.kind !== 'REPORTED',
            source: true,
          });
          if (s.id.startsWith('crash-'))
            expect({ id: s.id, mentions: s.mentions.length }).toEqual({
              id: s.id,
              mentions: MENTIONS.length,
            });
        }
        stats.inFlightPresentAfter += [...inFlight].filter((id) => byId.has(id)).length;
        stats.rounds = round;
      }
      const code = await server.stop();
      expect(code).toBe(0);
      server = undefined;
      // Each round starts a server (with its open probe: 3-15 s on a loaded 2-core machine), writes and kills it.
    },
    ROUNDS * 60_000,
  );
});
