/**
 * Reads through `POST /cypher` on the embedded engine: the analytics library
 * answers as the CLI does, JSON and CSV agree, the row cap and the deadline
 * hold, errors say what went wrong, and the analyst token opens this
 * endpoint only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postCypher } from '../helpers/cypher-helper';
import {
  type TestServer,
  TEST_ANALYST_TOKEN,
  TEST_TOKEN,
  startTestServer,
} from '../helpers/server-helper';

const ROOT = path.resolve(__dirname, '../..');
const ANALYTICS = path.join(ROOT, 'cypher/analytics');
const LIBRARY_FILES = readdirSync(ANALYTICS)
  .filter((f) => f.endsWith('.cypher'))
  .sort();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** A library file's example parameters, from its `// @params {...}` line (the console's presets use them too). */
const paramsOf = (text: string): Record<string, unknown> =>
  JSON.parse(/^\/\/\s*@params\s+(.*)$/m.exec(text)?.[1] ?? '{}');

/** Runs `npm run cypher` (through tsx) on a throwaway embedded database. */
function cli(args: string[], dbPath: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_PATH: dbPath };
  delete env.NEO4J_URI;
  const entry = (tool: string) => path.join(ROOT, 'src/cli', `${tool}.ts`);
  const run = (tool: string, rest: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', entry(tool), ...rest], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
  return { run, result: run('cypher', args) };
}

describe('POST /cypher reads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('answers the analyst curl of the README', async () => {
    const res = await postCypher(server.origin, 'MATCH (p:Person) RETURN p.name ORDER BY p.name');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      columns: ['p.name'],
      rows: [
        { 'p.name': 'Antony Blinken' },
        { 'p.name': 'Lloyd Austin' },
        { 'p.name': 'Unnamed U.S. envoy' },
        { 'p.name': 'Vladimir Putin' },
        { 'p.name': 'Volodymyr Zelenskyy' },
      ],
      truncated: false,
      elapsedMs: expect.any(Number),
    });
  });

  it('takes parameters and returns nodes and relationships as plain objects', async () => {
    const res = await postCypher(
      server.origin,
      'MATCH (p:Person {id: $id})-[m:MADE]->(s:Statement) RETURN p, m, s ORDER BY s.id LIMIT 1',
      { id: 'antony-blinken' },
    );
    expect(res.status).toBe(200);
    const [row] = res.body.rows;
    expect(row.p).toEqual({
      kind: 'node',
      label: 'Person',
      id: 'antony-blinken',
      properties: expect.objectContaining({ name: 'Antony Blinken' }),
    });
    expect(row.m).toMatchObject({
      kind: 'relationship',
      type: 'MADE',
      startId: 'antony-blinken',
      endId: row.s.id,
    });
  });

  it('gives the same rows as CSV with Accept: text/csv', async () => {
    const query =
      'MATCH (p:Person) RETURN p.id AS id, p.name AS name, size(p.name) AS length ORDER BY id';
    const json = await postCypher(server.origin, query);
    const csv = await postCypher(
      server.origin,
      query,
      {},
      { ...bearer(TEST_ANALYST_TOKEN), accept: 'text/csv' },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,length');
    expect(lines.slice(1)).toEqual(json.body.rows.map((r: any) => `${r.id},${r.name},${r.length}`));
  });

  it('quotes CSV fields with commas and quotes, and writes nodes as JSON', async () => {
    const csv = await postCypher(
      server.origin,
      "MATCH (p:Person {id: 'antony-blinken'}) RETURN 'a, \"b\"' AS text, p",
      {},
      { ...bearer(TEST_ANALYST_TOKEN), accept: 'text/csv' },
    );
    const [, line] = csv.text.split('\r\n');
    expect(line).toMatch(
      /^"a, ""b""","\{""kind"":""node"",""label"":""Person"",""id"":""antony-blinken""/,
    );
  });

  it('says where a syntax error is', async () => {
    const res = await postCypher(server.origin, 'MATCH (p:Person RETURN p');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({
      message: expect.stringMatching(
        /^Cypher syntax error at line 1, column 17: Invalid input 'RETURN'/,
      ),
      extensions: { code: 'CYPHER_SYNTAX_ERROR' },
    });
  });

  it("carries the engine's message when the engine refuses the query", async () => {
    const res = await postCypher(server.origin, 'MATCH (p:Pirate) RETURN p');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'CYPHER_QUERY_FAILED' });
    expect(res.body.errors[0].message).toMatch(/Pirate/);
    expect(JSON.stringify(res.body)).not.toMatch(/\s+at \S+:\d+/);
  });

  it('refuses a body without a query, naming what is expected', async () => {
    const res = await fetch(`${server.origin}/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(TEST_ANALYST_TOKEN) },
      body: '{"params": {}}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: '"query" must be a string of Cypher; got nothing.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await postCypher(server.origin, `RETURN '${'x'.repeat(200_000)}' AS big`);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('POST /cypher limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      cypher: { maxRows: 10, ratePerMinute: 40 },
      queryTimeoutMs: 300,
    });
  });
  afterAll(() => server.stop());

  it('cuts rows at the cap and says so', async () => {
    const res = await postCypher(server.origin, 'UNWIND range(1, 25) AS x RETURN x');
    expect(res.body.rows).toHaveLength(10);
    expect(res.body.truncated).toBe(true);
    const csv = await postCypher(
      server.origin,
      'UNWIND range(1, 25) AS x RETURN x',
      {},
      { ...bearer(TEST_ANALYST_TOKEN), accept: 'text/csv' },
    );
    expect(csv.headers.get('x-truncated')).toBe('true');
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(11);
    const exact = await postCypher(server.origin, 'UNWIND range(1, 10) AS x RETURN x');
    expect(exact.body.truncated).toBe(false);
  });

  it('stops a query at the deadline', async () => {
    // 51^5 rows of string concatenation: seconds of work, in constant memory.
    const res = await postCypher(
      server.origin,
      "MATCH (a), (b), (c), (d), (e) WHERE a.id + b.id + c.id + d.id + e.id = 'x' RETURN count(*) AS n",
    );
    expect(res.status).toBe(504);
    expect(res.body.errors[0]).toEqual({
      message: 'The query ran past its 300 ms deadline and was stopped.',
      extensions: { code: 'REQUEST_TIMEOUT' },
    });
  });

  it('answers 429 with Retry-After past the rate limit', async () => {
    let last: Awaited<ReturnType<typeof postCypher>> | undefined;
    for (let i = 0; i < 45 && last?.status !== 429; i++)
      last = await postCypher(server.origin, 'RETURN 1 AS one');
    expect(last?.status).toBe(429);
    expect(last?.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('POST /cypher access', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('needs a bearer token', async () => {
    const res = await postCypher(server.origin, 'RETURN 1 AS one', {}, {});
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong token', async () => {
    const res = await postCypher(
      server.origin,
      'RETURN 1 AS one',
      {},
      bearer('not-the-analyst-token-at-all'),
    );
    expect(res.status).toBe(403);
    expect(res.body.errors[0]).toEqual({
      message: 'The bearer token is not valid for POST /cypher.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('accepts the analyst token and the API token', async () => {
    expect(
      (await postCypher(server.origin, 'RETURN 1 AS one', {}, bearer(TEST_ANALYST_TOKEN))).status,
    ).toBe(200);
    expect(
      (await postCypher(server.origin, 'RETURN 1 AS one', {}, bearer(TEST_TOKEN))).status,
    ).toBe(200);
  });

  it('does not let the analyst token write through GraphQL', async () => {
    const res = await server.post(
      'mutation { upsertPerson(input: {id: "intruder", name: "Intruder"}) { id } }',
      {},
      bearer(TEST_ANALYST_TOKEN),
    );
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const check = await postCypher(
      server.origin,
      "MATCH (p:Person {id: 'intruder'}) RETURN count(p) AS n",
    );
    expect(check.body.rows).toEqual([{ n: 0 }]);
  });

  it('is off, like any unknown path, when neither token is set', async () => {
    const off = await startTestServer({ apiToken: undefined, analystToken: undefined });
    try {
      expect((await postCypher(off.origin, 'RETURN 1 AS one')).status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});

describe('Every file of cypher/analytics through POST /cypher and the CLI', () => {
  let server: TestServer;
  let dir: string;
  let dbPath: string;
  const fromCli = new Map<string, { columns: string[]; rows: unknown[] }>();
  // The CLI runs first: spawnSync blocks this process, and with it a server started before.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-cypher-endpoint-'));
    dbPath = path.join(dir, 'graph.lbug');
    expect(cli(['RETURN 1 AS one'], dbPath).run('seed', []).status).toBe(0);
    for (const file of LIBRARY_FILES) {
      const params = Object.entries(paramsOf(readFileSync(path.join(ANALYTICS, file), 'utf8')));
      const paramArgs = params.flatMap(([key, value]) => [
        '--param',
        `${key}=${JSON.stringify(value)}`,
      ]);
      const { result } = cli(
        [path.join('cypher/analytics', file), '--read-only', '--json', ...paramArgs],
        dbPath,
      );
      expect(result.stderr).toBe('');
      fromCli.set(file, JSON.parse(result.stdout));
    }
    server = await startTestServer();
  }, 300_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(LIBRARY_FILES)('returns the same rows for %s', async (file) => {
    const text = readFileSync(path.join(ANALYTICS, file), 'utf8');
    const res = await postCypher(server.origin, text, paramsOf(text));
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
    expect(res.body.rows).toEqual(fromCli.get(file)?.rows);
    expect(res.body.columns).toEqual(fromCli.get(file)?.columns);
  });

  it('refuses a write in the CLI read-only mode too', () => {
    const { result } = cli(["MATCH (p:Person) SET p.name = 'x'", '--read-only'], dbPath);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'cypher failed: Only read-only queries are allowed here; this one uses SET.',
    );
  });
});
