/**
 * Regression tests for the wrong answers and poor errors of issue 11 (item 7),
 * found by trying the server as an attacker would. Each is black-box, over
 * HTTP against the real server on the embedded engine, and names what was
 * wrong; docs/reliability.md lists them.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createLogger } from '../../src/server/logger';
import { ID_MAX_LENGTH, ID_PATTERN } from '../../src/model/graph-model';
import { loadRolesGraph, officerId, orgId, roleSince } from '../helpers/roles-graph';
import { TEST_TOKEN, type TestServer, startTestServer } from '../helpers/server-helper';
import { errorsOf, graphCounts, postRaw } from './support';

const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };
const codesOf = (body: unknown) => errorsOf(body).map((e) => e.extensions?.code);

/** A log sink that keeps every JSON line. */
function logLines(): { stream: Writable; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { stream, lines };
}

describe('input the API used to accept or answer wrongly', () => {
  let server: TestServer;
  const write = (query: string, variables: Record<string, unknown> = {}) =>
    server.post(query, variables, AUTH);

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** Runs a write that must be refused with BAD_USER_INPUT on `argument`, and proves nothing was written. */
  async function expectRefused(
    query: string,
    variables: Record<string, unknown>,
    argument: string,
    message: RegExp,
  ) {
    const before = await graphCounts(server.graph);
    const res = await write(query, variables);
    expect(
      errorsOf(res.body).map((e) => ({
        code: e.extensions?.code,
        argument: e.extensions?.argument,
      })),
    ).toEqual([{ code: 'BAD_USER_INPUT', argument }]);
    expect(errorsOf(res.body)[0]?.message).toMatch(message);
    expect(await graphCounts(server.graph)).toEqual(before);
  }

  describe('link: relationship properties are checked on update as on create', () => {
    const LINK = 'mutation($input: LinkInput!) { link(input: $input) { changed } }';
    const RELATIONS =
      '{ state(id: "russia") { relations { kind direction other { ... on Entity { id } } } } }';

    it('refuses kind: null on an existing RELATION, and the relation stays readable', async () => {
      const before = await server.post(RELATIONS);
      expect(errorsOf(before.body)).toEqual([]);
      await expectRefused(
        LINK,
        { input: { type: 'RELATION', from: 'russia', to: 'ukraine', properties: { kind: null } } },
        'input.properties.kind',
        /^input\.properties\.kind: cannot be removed from a RELATION; give one of PARTNERSHIP, ALLIANCE, WAR, TIES, RIVALRY, or unlink the relation\.$/,
      );
      const after = await server.post(RELATIONS);
      expect(errorsOf(after.body)).toEqual([]);
      expect(after.body).toEqual(before.body);
      expect(after.body.data.state.relations).toContainEqual({
        kind: 'WAR',
        direction: 'OUTGOING',
        other: { id: 'ukraine' },
      });
    });

    it('still updates other properties of an existing RELATION, keeping its kind', async () => {
      const res = await write(LINK, {
        input: {
          type: 'RELATION',
          from: 'china',
          to: 'north-korea',
          properties: { since: '1961' },
        },
      });
      expect(errorsOf(res.body)).toEqual([]);
      const read = await server.post(
        '{ state(id: "china") { relations { kind since other { ... on Entity { id } } } } }',
      );
      expect(read.body.data.state.relations).toContainEqual({
        kind: 'TIES',
        since: '1961',
        other: { id: 'north-korea' },
      });
    });
  });

  describe('lists are ordered before they are cut', () => {
    it('Person.roles keeps the newest role of a person with 105 (most recent since first, then cut at 100)', async () => {
      await loadRolesGraph(server.graph, { people: 1, organizations: 105 });
      const res = await server.post(
        `{ person(id: "${officerId(0)}") { roles { since organization { ... on Entity { id } } } } }`,
      );
      expect(errorsOf(res.body)).toEqual([]);
      const roles = res.body.data.person.roles as Array<{
        since: string;
        organization: { id: string };
      }>;
      expect(roles).toHaveLength(100);
      // The newest role is in the organization whose name sorts last: it used to be cut.
      expect(roles[0]).toEqual({ since: roleSince(104), organization: { id: orgId(104) } });
      expect(roles.map((r) => r.since)).toEqual(
        Array.from({ length: 100 }, (_, i) => roleSince(104 - i)),
      );
    });
  });

  describe('link: self-loops, which no relationship type of the model gives a meaning, are refused', () => {
    const LINK = 'mutation($input: LinkInput!) { link(input: $input) { changed } }';
    it.each([
      ['LOCATED_IN', 'kursk-region', {}],
      ['RELATION', 'russia', { kind: 'WAR' }],
      ['PART_OF', 'pentagon', {}],
    ])('refuses %s from %s to itself', async (type, id, properties) => {
      await expectRefused(
        LINK,
        { input: { type, from: id, to: id, properties } },
        'input.to',
        new RegExp(
          `^input\\.to: ${type} cannot link "${id}" to itself; give two different ids\\.$`,
        ),
      );
    });
  });

  describe('addEstimate: numbers a double cannot hold exactly are refused, not an internal error', () => {
    const ADD =
      'mutation($value: Float!) { addEstimate(input: { value: $value, unit: "troops", subjectId: "russia", statementId: "blinken-meat-grinder" }) { id value } }';

    // As JSON text: 9007199254740993 is not a JS number (it reads as 2^53).
    it.each(['1e20', '9007199254740993', '-1e300'])(
      'refuses %s with BAD_USER_INPUT',
      async (value) => {
        const before = await graphCounts(server.graph);
        const res = await postRaw(
          server.url,
          `{"query": ${JSON.stringify(ADD)}, "variables": {"value": ${value}}}`,
          { headers: AUTH },
        );
        expect(
          errorsOf(res.body).map((e) => ({
            code: e.extensions?.code,
            argument: e.extensions?.argument,
          })),
        ).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.value' }]);
        expect(errorsOf(res.body)[0]?.message).toMatch(
          /^input\.value: must be a finite number from -9007199254740991 to 9007199254740991 \(2\^53 - 1\); got [-0-9.e+]+\. /,
        );
        expect(await graphCounts(server.graph)).toEqual(before);
      },
    );

    it('stores 2^53 - 1 and 0.5 exactly', async () => {
      for (const value of [9007199254740991, 0.5]) {
        const res = await write(ADD, { value });
        expect(errorsOf(res.body)).toEqual([]);
        expect(res.body.data.addEstimate.value).toBe(value);
      }
    });
  });

  describe('addStatement: generated ids are valid slugs with their random suffix', () => {
    // Dash at position 30: the id used to be cut there, giving "...-abcdefg--slug-..." (refused by link forever).
    const SPEAKER = 'abcdefghij-abcdefghij-abcdefg-hij';
    const WORDS =
      'Extraordinarily Comprehensive Multilateralism Notwithstanding Counterproductive Interdependencies';
    const ADD = `mutation { addStatement(input: { text: "${WORDS}", kind: QUOTE, speakerId: "${SPEAKER}", sourceId: "report-north-korean-troops-kursk" }) { id } }`;

    it('gives two identical statements two valid, different ids that link accepts', async () => {
      expect(
        errorsOf(
          (
            await write(
              `mutation { upsertPerson(input: { id: "${SPEAKER}", name: "Long Id" }) { id } }`,
            )
          ).body,
        ),
      ).toEqual([]);
      const first = await write(ADD);
      const second = await write(ADD);
      expect(errorsOf(first.body)).toEqual([]);
      expect(errorsOf(second.body)).toEqual([]);
      const ids = [
        first.body.data.addStatement.id as string,
        second.body.data.addStatement.id as string,
      ];
      expect(ids[0]).not.toBe(ids[1]);
      for (const id of ids) {
        expect(id).toMatch(ID_PATTERN);
        expect(id.length).toBeLessThanOrEqual(ID_MAX_LENGTH);
        expect(id).toMatch(/-[0-9a-f]{6}$/);
        const linked = await write(
          `mutation { link(input: { type: MENTIONS, from: "${id}", to: "russia" }) { changed } }`,
        );
        expect(errorsOf(linked.body)).toEqual([]);
      }
    });
  });

  describe('dates are strict ISO-8601', () => {
    const UPSERT =
      'mutation($publishedAt: String) { upsertSource(input: { id: "dated-source", title: "Dated", publishedAt: $publishedAt }) { publishedAt } }';

    it.each([
      '2024-11-01 this is not a date',
      '2024-11-01T25:00Z',
      '2024-11-01T10:00',
      '2024-02-30',
      '2024-11-01Tnoon',
    ])('refuses publishedAt %p instead of storing part of it', async (publishedAt) => {
      await expectRefused(
        UPSERT,
        { publishedAt },
        'input.publishedAt',
        /is not an ISO-8601 date or date-time; use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm\[:ss\]Z\.$/,
      );
    });

    it.each(['2024', '2024-11', '2024-11-01', '2024-11-01T09:30:00Z', '2024-11-01T09:30+01:00'])(
      'stores publishedAt %p as given',
      async (publishedAt) => {
        const res = await write(UPSERT, { publishedAt });
        expect(errorsOf(res.body)).toEqual([]);
        expect(res.body.data.upsertSource.publishedAt).toBe(publishedAt);
      },
    );
  });

  describe('control characters are refused in names and texts', () => {
    it.each([
      [
        'upsertPerson name with NUL',
        'mutation($v: String!) { upsertPerson(input: { id: "ctl-person", name: $v }) { id } }',
        'Kim\u0000Jong',
        'input.name',
        'U+0000',
      ],
      [
        'upsertPerson alias with BEL',
        'mutation($v: String!) { upsertPerson(input: { id: "ctl-person", name: "Kim", aliases: [$v] }) { id } }',
        'K\u0007',
        'input.aliases[0]',
        'U+0007',
      ],
      [
        'addStatement text with ESC',
        'mutation($v: String!) { addStatement(input: { text: $v, kind: QUOTE, speakerId: "antony-blinken", sourceId: "report-north-korean-troops-kursk" }) { id } }',
        'We \u001b[31mwill\u001b[0m respond',
        'input.text',
        'U+001B',
      ],
    ])('refuses %s', async (_name, query, v, argument, code) => {
      await expectRefused(
        query,
        { v },
        argument,
        new RegExp(
          `must not contain control characters; found ${code.replace('+', '\\+')} at position \\d+\\. Remove it\\.$`,
        ),
      );
    });

    it('keeps line breaks and tabs in texts', async () => {
      const res = await write(
        'mutation($v: String!) { addStatement(input: { text: $v, kind: QUOTE, speakerId: "antony-blinken", sourceId: "report-north-korean-troops-kursk" }) { text } }',
        { v: 'First line.\nSecond\tline.' },
      );
      expect(errorsOf(res.body)).toEqual([]);
      expect(res.body.data.addStatement.text).toBe('First line.\nSecond\tline.');
    });
  });
});

describe('client mistakes in the HTTP body are 4xx with clear messages, never logged as server errors', () => {
  let server: TestServer;
  const log = logLines();

  beforeAll(async () => {
    server = await startTestServer(
      { production: true, introspection: false },
      { logger: createLogger('info', log.stream) },
    );
  });

  afterAll(async () => {
    await server?.stop();
  });

  const QUERY = JSON.stringify({ query: '{ graphStats { nodes } }' });
  it.each([
    [
      'a charset=latin1 body',
      { 'content-type': 'application/json; charset=latin1' },
      QUERY,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /^unsupported charset "LATIN1": send the body as UTF-8/,
    ],
    [
      'a body that is not the gzip it claims',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      'not gzip',
      400,
      'BAD_REQUEST',
      /^The request body could not be read: it does not decompress with its content-encoding, or it was cut short\. Send it uncompressed, or compressed with the encoding that content-encoding names\.$/,
    ],
    [
      'an unknown content-encoding',
      { 'content-type': 'application/json', 'content-encoding': 'br2' },
      QUERY,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /^unsupported content encoding "br2": send the body uncompressed, or with gzip, deflate or br\.$/,
    ],
    [
      'a persisted-query hash that does not match the query',
      { 'content-type': 'application/json' },
      JSON.stringify({
        query: '{ graphStats { nodes } }',
        extensions: {
          persistedQuery: {
            version: 1,
            sha256Hash: createHash('sha256').update('other').digest('hex'),
          },
        },
      }),
      400,
      'BAD_REQUEST',
      /^extensions\.persistedQuery\.sha256Hash is not the SHA-256 of the query sent with it; send the lower-case hex SHA-256 of the exact query text/,
    ],
  ])('answers %s with %p', async (_name, headers, body, status, code, message) => {
    const res = await postRaw(server.url, body, { headers: headers as Record<string, string> });
    expect({ status: res.status, codes: codesOf(res.body) }).toEqual({ status, codes: [code] });
    expect(errorsOf(res.body)[0]?.message).toMatch(message);
    const id = res.headers.get('x-request-id');
    const mine = log.lines.filter((l) => l.reqId === id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });

  it('still reads a correctly gzipped body', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(QUERY),
    });
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { data: { graphStats: { nodes: number } } }).data.graphStats.nodes,
    ).toBeGreaterThan(0);
  });

  it.each([
    ['an enum literal', '{ search(text: "x", kinds: [PERSN]) { __typename } }', {}],
    [
      'an enum variable',
      'query($k: [SearchKind!]) { search(text: "x", kinds: $k) { __typename } }',
      { k: ['PERSN'] },
    ],
  ])(
    'gives no schema hints ("Did you mean") in production for a misspelt %s',
    async (_name, query, variables) => {
      const res = await server.post(query, variables);
      expect(res.status).toBe(400);
      expect(codesOf(res.body)).toHaveLength(1);
      expect(errorsOf(res.body)[0]?.message).toMatch(
        /"PERSN" does not exist in "SearchKind" enum\.$/,
      );
      expect(JSON.stringify(res.body)).not.toMatch(/Did you mean|PERSON/);
    },
  );
});

describe('every log line written while serving a request carries its id', () => {
  it('puts reqId on the "graph unavailable" warning of a request that hit a closed graph', async () => {
    const log = logLines();
    const server = await startTestServer({}, { logger: createLogger('info', log.stream) });
    try {
      await server.graph.port.close();
      const res = await server.post(
        '{ people(first: 1) { totalCount } }',
        {},
        { 'x-request-id': 'closed-graph-probe' },
      );
      expect(codesOf(res.body)).toEqual(['SERVICE_UNAVAILABLE']);
      const warnings = log.lines.filter((l) => Number(l.level) >= 40);
      expect(warnings.length).toBeGreaterThan(0);
      for (const line of warnings) expect(line.reqId).toBe('closed-graph-probe');
    } finally {
      await server.stop().catch(() => undefined);
    }
  });
});
