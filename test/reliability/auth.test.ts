/**
 * Write authorization. Every mutation needs `Authorization: Bearer <API_TOKEN>`.
 *
 * Specification:
 * - each of the 11 mutations is refused without a token (UNAUTHENTICATED),
 *   with a malformed Authorization header (UNAUTHENTICATED), with a token in
 *   another header or the URL (UNAUTHENTICATED) and with a wrong token,
 *   including prefixes and extensions of the right one (FORBIDDEN);
 * - a refused mutation writes nothing (node and relationship counts, per
 *   label and type, are unchanged);
 * - neither the configured token nor the one sent appears in any response,
 *   nor in the server's logs (captured at trace level);
 * - a server without API_TOKEN refuses every write, whatever is sent;
 * - with the right token, each mutation goes through (so the refusals above
 *   are not an accident of the inputs).
 */
import pino from 'pino';
import { type RunningServer, startHttpServer } from '../../src/server/http-server';
import { openTestGraph, type TestGraph } from '../helpers/graph-helper';
import { DEFAULT_TEST_CONFIG, TEST_TOKEN } from '../helpers/server-helper';
import { errorsOf, figure, graphCounts, postRaw, printFigures } from './support';

const SUITE = 'auth';

/** Every mutation of the schema, with inputs that are valid against the seed. */
const MUTATIONS: Record<string, string> = {
  upsertPerson: 'mutation { upsertPerson(input: { id: "auth-person", name: "P" }) { id } }',
  upsertState: 'mutation { upsertState(input: { id: "auth-state", name: "S" }) { id } }',
  upsertOrganization:
    'mutation { upsertOrganization(input: { id: "auth-org", name: "O" }) { id } }',
  upsertMilitaryUnit:
    'mutation { upsertMilitaryUnit(input: { id: "auth-unit", name: "U" }) { id } }',
  upsertLocation: 'mutation { upsertLocation(input: { id: "auth-location", name: "L" }) { id } }',
  upsertEvent: 'mutation { upsertEvent(input: { id: "auth-event", name: "E" }) { id } }',
  upsertSource: 'mutation { upsertSource(input: { id: "auth-source", title: "T" }) { id } }',
  addStatement:
    'mutation { addStatement(input: { id: "auth-statement", text: "t", kind: QUOTE, speakerId: "antony-blinken", sourceId: "report-north-korean-troops-kursk", mentionIds: ["russia"] }) { id } }',
  addEstimate:
    'mutation { addEstimate(input: { value: 1, unit: "u", subjectId: "russia", statementId: "auth-statement" }) { id } }',
  link: 'mutation { link(input: { type: HOLDS_ROLE, from: "antony-blinken", to: "nato", properties: { title: "x" } }) { changed } }',
  unlink:
    'mutation { unlink(input: { type: HOLDS_ROLE, from: "antony-blinken", to: "united-states" }) { changed } }',
  deleteEntity: 'mutation { deleteEntity(id: "kursk-region", cascade: true) { deletedNodes } }',
};

const WRONG = 'wrong-token-0123456789abcdef';

/** Ways of (not) presenting a token, with the code each must get. */
const PRESENTATIONS: ReadonlyArray<{
  name: string;
  headers: Record<string, string>;
  query?: string;
  code: string;
}> = [
  { name: 'no header', headers: {}, code: 'UNAUTHENTICATED' },
  { name: 'empty Authorization', headers: { authorization: '' }, code: 'UNAUTHENTICATED' },
  { name: 'Bearer without a token', headers: { authorization: 'Bearer' }, code: 'UNAUTHENTICATED' },
  { name: 'Bearer and spaces', headers: { authorization: 'Bearer    ' }, code: 'UNAUTHENTICATED' },
  { name: 'X-Api-Token header', headers: { 'x-api-token': TEST_TOKEN }, code: 'UNAUTHENTICATED' },
  {
    name: 'Authorization: Token <token>',
    headers: { authorization: `Token ${TEST_TOKEN}` },
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'Authorization: <token> (no scheme)',
    headers: { authorization: TEST_TOKEN },
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'Authorization: Basic',
    headers: { authorization: `Basic ${Buffer.from(`user:${TEST_TOKEN}`).toString('base64')}` },
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'two tokens',
    headers: { authorization: `Bearer ${TEST_TOKEN} ${TEST_TOKEN}` },
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token in the query string',
    headers: {},
    query: `?token=${TEST_TOKEN}&api_token=${TEST_TOKEN}`,
    code: 'UNAUTHENTICATED',
  },
  { name: 'wrong token', headers: { authorization: `Bearer ${WRONG}` }, code: 'FORBIDDEN' },
  {
    name: 'prefix of the token',
    headers: { authorization: `Bearer ${TEST_TOKEN.slice(0, -1)}` },
    code: 'FORBIDDEN',
  },
  {
    name: 'token plus one character',
    headers: { authorization: `Bearer ${TEST_TOKEN}x` },
    code: 'FORBIDDEN',
  },
  {
    name: 'token in another case',
    headers: { authorization: `Bearer ${TEST_TOKEN.toUpperCase()}` },
    code: 'FORBIDDEN',
  },
  {
    name: 'token with a NUL appended',
    headers: { authorization: `Bearer ${TEST_TOKEN}%00` },
    code: 'FORBIDDEN',
  },
];

/** A pino logger writing every line, at trace level, into `lines`. */
function capturingLogger(lines: string[]) {
  return pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
}

async function start(
  apiToken: string | undefined,
  lines: string[],
): Promise<{ server: RunningServer; graph: TestGraph; url: string }> {
  const graph = await openTestGraph({ seed: true });
  const server = await startHttpServer(
    { ...DEFAULT_TEST_CONFIG, apiToken },
    graph.graph,
    capturingLogger(lines),
  );
  return { server, graph, url: `http://127.0.0.1:${server.port}/graphql` };
}

describe('write authorization', () => {
  const logs: string[] = [];
  const responses: string[] = [];
  let env: Awaited<ReturnType<typeof start>>;
  let refusals = 0;

  beforeAll(async () => {
    env = await start(TEST_TOKEN, logs);
  });

  afterAll(async () => {
    figure(SUITE, 'refused attempts', refusals);
    figure(SUITE, 'log lines checked', logs.length);
    printFigures(SUITE);
    await env?.server.shutdown();
  });

  describe.each(PRESENTATIONS.map((p) => [p.name, p] as const))(
    'with %s',
    (_name, presentation) => {
      it.each(Object.keys(MUTATIONS))('refuses %s and writes nothing', async (mutation) => {
        const before = await graphCounts(env.graph.graph);
        const res = await postRaw(
          `${env.url}${presentation.query ?? ''}`,
          { query: MUTATIONS[mutation] },
          { headers: presentation.headers },
        );
        responses.push(res.text);
        expect(res.status).toBeLessThan(500);
        expect(errorsOf(res.body).map((e) => e.extensions?.code)).toEqual([presentation.code]);
        expect(res.body.data).toBeNull();
        expect(await graphCounts(env.graph.graph)).toEqual(before);
        refusals += 1;
      });
    },
  );

  it('goes through with the right token, for every mutation (the inputs above are valid)', async () => {
    const before = await graphCounts(env.graph.graph);
    for (const [name, query] of Object.entries(MUTATIONS)) {
      const res = await postRaw(
        env.url,
        { query },
        { headers: { authorization: `Bearer ${TEST_TOKEN}` } },
      );
      responses.push(res.text);
      expect([name, errorsOf(res.body)]).toEqual([name, []]);
    }
    expect(await graphCounts(env.graph.graph)).not.toEqual(before);
  });

  it('accepts the scheme in any case ("bearer"), as RFC 7235 allows', async () => {
    const res = await postRaw(
      env.url,
      { query: MUTATIONS.upsertPerson },
      { headers: { authorization: `bearer ${TEST_TOKEN}` } },
    );
    expect(errorsOf(res.body)).toEqual([]);
  });

  it('never shows a token in a response or in the logs', async () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const text of [...responses, ...logs]) {
      expect(text).not.toContain(TEST_TOKEN);
      expect(text).not.toContain(TEST_TOKEN.toUpperCase());
      expect(text).not.toContain(WRONG);
      expect(text).not.toContain(Buffer.from(`user:${TEST_TOKEN}`).toString('base64'));
    }
  });
});

describe('a server without API_TOKEN', () => {
  const logs: string[] = [];
  let env: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    env = await start(undefined, logs);
  });

  afterAll(async () => {
    await env?.server.shutdown();
  });

  it.each(['', 'Bearer ', 'Bearer undefined', 'Bearer null', `Bearer ${TEST_TOKEN}`])(
    'refuses every mutation with FORBIDDEN (Authorization: "%s") and writes nothing',
    async (authorization) => {
      const before = await graphCounts(env.graph.graph);
      for (const query of Object.values(MUTATIONS)) {
        const res = await postRaw(
          env.url,
          { query },
          { headers: authorization ? { authorization } : {} },
        );
        expect(errorsOf(res.body).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      expect(await graphCounts(env.graph.graph)).toEqual(before);
    },
  );
});
