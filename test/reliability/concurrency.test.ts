/**
 * Concurrent writers and readers on one server.
 *
 * WRITERS (50) clients at once upsert the same ten people and one
 * organization, link each person to it, add statements, and race to claim one
 * contested id under two different labels. Readers page through statements
 * the whole time.
 *
 * Specification:
 * - every error a writer sees is a clear code: CONFLICT for the losing side of
 *   the contested id, or a retryable SERVICE_UNAVAILABLE (retried); nothing else;
 * - the final graph is exactly what the writes describe: no duplicate ids
 *   (within or across labels), one HOLDS_ROLE per person, every statement
 *   with its speaker, source and mentions, node and relationship counts equal
 *   to the seed plus what was acknowledged;
 * - readers never see a partial statement (one without a source or speaker).
 */
import { TEST_TOKEN, type TestServer, startTestServer } from '../helpers/server-helper';
import {
  envInt,
  errorsOf,
  figure,
  graphCounts,
  percentile,
  postRaw,
  printFigures,
} from './support';

const SUITE = 'concurrency';
const WRITERS = envInt('CONCURRENCY_WRITERS', 50, 50);
const STATEMENTS_PER_WRITER = envInt('CONCURRENCY_STATEMENTS', 1, 10);
/** How many of the shared people each writer upserts and links (writers start at different ones, so all are covered). */
const LINKS_PER_WRITER = envInt('CONCURRENCY_LINKS', 2, 10);
const PEOPLE = 10;
const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };
const SOURCE = 'report-north-korean-troops-kursk';

describe(`${WRITERS} concurrent writers on the same entities`, () => {
  let server: TestServer;
  const codes: Record<string, number> = {};
  const latencies: number[] = [];
  let retries = 0;
  let readerChecks = 0;
  const partialSeen: unknown[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    figure(SUITE, 'writers', {
      writers: WRITERS,
      statementsPerWriter: STATEMENTS_PER_WRITER,
      linksPerWriter: LINKS_PER_WRITER,
      requests: latencies.length,
      retries,
      errorCodes: codes,
    });
    figure(SUITE, 'write latency ms', {
      p50: Math.round(percentile(latencies, 50)),
      p99: Math.round(percentile(latencies, 99)),
    });
    figure(SUITE, 'reader pages checked', readerChecks);
    printFigures(SUITE);
    await server?.stop();
  });

  /** Sends a mutation, retrying retryable errors; returns the final errors' codes. */
  async function mutate(query: string, variables: Record<string, unknown>): Promise<string[]> {
    for (let attempt = 0; ; attempt++) {
      const res = await postRaw(
        server.url,
        { query, variables },
        { headers: AUTH, timeoutMs: 30_000 },
      );
      latencies.push(res.ms);
      const errors = errorsOf(res.body);
      for (const e of errors)
        codes[String(e.extensions?.code)] = (codes[String(e.extensions?.code)] ?? 0) + 1;
      if (errors.some((e) => e.extensions?.retryable === true) && attempt < 5) {
        retries += 1;
        continue;
      }
      return errors.map((e) => String(e.extensions?.code));
    }
  }

  it('ends in the state the acknowledged writes describe, with only clear error codes', async () => {
    const before = await graphCounts(server.graph);
    let stop = false;

    const reader = async () => {
      while (!stop) {
        const res = await postRaw(server.url, {
          query: `{ statements(first: 100, orderBy: { field: ID, direction: DESC }) { edges { node { id kind source { id } speaker { __typename } mentions { id } } } } }`,
        });
        readerChecks += 1;
        await new Promise((r) => setTimeout(r, 20));
        for (const e of errorsOf(res.body)) partialSeen.push(e.message);
        for (const edge of res.body.data?.statements.edges ?? []) {
          // The source's own (REPORTED) statements have no speaker by design.
          if (!edge.node.source || (!edge.node.speaker && edge.node.kind !== 'REPORTED'))
            partialSeen.push(edge.node);
          if (edge.node.id.startsWith('conc-') && edge.node.mentions.length !== 2)
            partialSeen.push(edge.node);
        }
      }
    };

    const contested: Array<{ label: string; codes: string[] }> = [];
    const writer = async (w: number) => {
      const unexpected: string[] = [];
      const expectNone = (found: string[]) => unexpected.push(...found);
      expectNone(
        await mutate(`mutation($i: EntityInput!) { upsertOrganization(input: $i) { id } }`, {
          i: { id: 'conc-org', name: 'Concurrency Org', description: `by ${w}` },
        }),
      );
      // claim one id as a Person (even writers) or a State (odd writers): exactly one label may win
      const label = w % 2 === 0 ? 'Person' : 'State';
      contested.push({
        label,
        codes: await mutate(`mutation($i: EntityInput!) { upsert${label}(input: $i) { id } }`, {
          i: { id: 'conc-contested', name: label },
        }),
      });
      for (let k = 0; k < LINKS_PER_WRITER; k++) {
        const person = `conc-person-${(k + w) % PEOPLE}`;
        expectNone(
          await mutate(`mutation($i: EntityInput!) { upsertPerson(input: $i) { id } }`, {
            i: { id: person, name: `Person ${person}`, aliases: [`w${w}`] },
          }),
        );
        expectNone(
          await mutate(`mutation($i: LinkInput!) { link(input: $i) { changed } }`, {
            i: {
              type: 'HOLDS_ROLE',
              from: person,
              to: 'conc-org',
              properties: { title: `title by ${w}` },
            },
          }),
        );
      }
      for (let s = 0; s < STATEMENTS_PER_WRITER; s++) {
        expectNone(
          await mutate(`mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }`, {
            i: {
              id: `conc-st-${w}-${s}`,
              text: `said by ${w}`,
              kind: 'QUOTE',
              speakerId: `conc-person-${(w + s) % PEOPLE}`,
              sourceId: SOURCE,
              mentionIds: ['conc-org', 'russia'],
            },
          }),
        );
      }
      return unexpected;
    };

    const readers = Array.from({ length: 2 }, () => reader());
    const unexpected = (
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))
    ).flat();
    stop = true;
    await Promise.all(readers);

    expect(unexpected).toEqual([]);
    expect(partialSeen).toEqual([]);

    // the contested id: one label won, every other claim of the other label got CONFLICT
    const winners = contested.filter((c) => c.codes.length === 0).map((c) => c.label);
    expect(new Set(winners).size).toBe(1);
    for (const c of contested.filter((x) => x.label !== winners[0]))
      expect(c.codes).toEqual(['CONFLICT']);

    // no duplicate ids, within or across labels
    const dupes = await server.graph.port.read({
      name: 'test/duplicate-ids',
      text: 'MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id, c',
    });
    expect(dupes).toEqual([]);

    // exactly the expected nodes and relationships
    const after = await graphCounts(server.graph);
    const statements = WRITERS * STATEMENTS_PER_WRITER;
    const contestedLabel = winners[0] as string;
    expect(after.byLabel.Person).toBe(
      (before.byLabel.Person ?? 0) + PEOPLE + (contestedLabel === 'Person' ? 1 : 0),
    );
    expect(after.byLabel.Organization).toBe((before.byLabel.Organization ?? 0) + 1);
    expect(after.byLabel.Statement).toBe((before.byLabel.Statement ?? 0) + statements);
    expect(after.nodes - before.nodes).toBe(PEOPLE + 1 + 1 + statements);
    expect(after.byType.HOLDS_ROLE).toBe((before.byType.HOLDS_ROLE ?? 0) + PEOPLE);
    expect(after.byType.MADE).toBe((before.byType.MADE ?? 0) + statements);
    expect(after.byType.REPORTED_IN).toBe((before.byType.REPORTED_IN ?? 0) + statements);
    expect(after.byType.MENTIONS).toBe((before.byType.MENTIONS ?? 0) + 2 * statements);
    expect(after.relationships - before.relationships).toBe(PEOPLE + 4 * statements);

    // and the API agrees: each person has one role, each statement is whole, ordinals are distinct
    const res = await postRaw(server.url, {
      query: `{ people(filter: { ids: [${Array.from({ length: PEOPLE }, (_, k) => `"conc-person-${k}"`).join(', ')}] }, first: 100) { totalCount edges { node { id roles { title } } } }
        source(id: "${SOURCE}") { statementCount statements(first: 100) { ordinal } } }`,
    });
    expect(errorsOf(res.body)).toEqual([]);
    expect(res.body.data.people.totalCount).toBe(PEOPLE);
    for (const edge of res.body.data.people.edges) expect(edge.node.roles).toHaveLength(1);
    const ordinals = await server.graph.port.read({
      name: 'test/ordinals',
      text: `MATCH (s:Statement)-[:REPORTED_IN]->(:Source {id: '${SOURCE}'}) RETURN s.ordinal AS ordinal`,
    });
    const values = ordinals.map((r) => Number(r.ordinal));
    expect(new Set(values).size).toBe(values.length);
  }, 180_000);
});
