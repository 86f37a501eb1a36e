/**
 * Write attempts through `POST /cypher`. Every one is refused by the parser
 * guard before the engine sees it (no analyst query is recorded), and the
 * graph's counts and property checksum are the same afterwards. The engine's
 * own read-only transaction is checked on its own at the end, with the guard
 * out of the way.
 */
import { ANALYST_QUERY_NAME } from '../../src/analytics/analyst-query';
import { CypherRefusalCode } from '../../src/analytics/read-only-guard';
import { type GraphFingerprint, fingerprint, postCypher } from '../helpers/cypher-helper';
import { type TestServer, startTestServer } from '../helpers/server-helper';

/** Each attempt with what it tries. */
const ATTEMPTS: ReadonlyArray<[string, string]> = [
  ['CREATE', "CREATE (:Person {id: 'intruder', name: 'Intruder'})"],
  ['create (lower case)', "create (:Person {id: 'intruder'})"],
  ['MERGE', "MERGE (:Person {id: 'intruder'})"],
  ['merge (lower case)', "merge (p:Person {id: 'intruder'}) return p"],
  ['SET', "MATCH (p:Person) SET p.name = 'x'"],
  ['set (lower case)', "match (p:Person) set p.name = 'x' return p"],
  ['SET +=', "MATCH (p:Person) SET p += {name: 'x'}"],
  ['SET a label', 'MATCH (p:Person) SET p:Intruder'],
  ['DELETE', 'MATCH (s:Source) DELETE s'],
  ['delete (lower case)', 'match ()-[r:MENTIONS]->() delete r'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['detach delete (lower case)', 'match (n) detach delete n'],
  ['REMOVE', 'MATCH (p:Person) REMOVE p.name'],
  ['remove (lower case)', 'match (p:Person) remove p:Person'],
  ['FOREACH', "FOREACH (i IN [1, 2] | CREATE (:Person {id: 'intruder'}))"],
  [
    'foreach (lower case)',
    "match (p:Person) with collect(p) as ps foreach (p in ps | set p.name = 'x')",
  ],
  ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"],
  [
    'load csv (lower case)',
    "load csv with headers from 'http://example.com/p.csv' as row create (:Person {id: row.id})",
  ],
  ['COPY (LadybugDB bulk load)', "COPY Person FROM 'people.csv'"],
  ['copy (lower case)', "copy Statement from '/tmp/statements.csv'"],
  [
    'CREATE inside CALL { }',
    'MATCH (p:Person) CALL { CREATE (:Person {id: "intruder"}) } RETURN p',
  ],
  [
    'DETACH DELETE inside a scoped CALL',
    'MATCH (n) CALL (n) { DETACH DELETE n } RETURN count(*) AS c',
  ],
  ['SET two subqueries deep', "MATCH (n) CALL (n) { CALL (n) { SET n.name = 'x' } } RETURN n"],
  [
    'CALL { } IN TRANSACTIONS',
    'UNWIND range(1, 3) AS i CALL (i) { CREATE (:Person {id: toString(i)}) } IN TRANSACTIONS',
  ],
  [
    'SET after UNION',
    "MATCH (n) RETURN n.id AS id UNION MATCH (n) SET n.name = 'x' RETURN n.id AS id",
  ],
  [
    'CREATE after UNION ALL',
    "MATCH (n:Person) RETURN n UNION ALL CREATE (n:Person {id: 'intruder'}) RETURN n",
  ],
  ['behind a block comment', '/* only a read */ MATCH (n) DETACH DELETE n'],
  ['behind a line comment', "// harmless\nMATCH (n) SET n.name = 'x'"],
  ['a comment hiding the RETURN', 'MATCH (n) /* RETURN n */ DELETE n'],
  ['unicode escape in CREATE', "CR\\u0045ATE (:Person {id: 'intruder'})"],
  ['unicode escape in SET', "MATCH (n) S\\u0045T n.name = 'x'"],
  ['backticked CREATE', "`CREATE` (:Person {id: 'intruder'})"],
  ['backticked SET', "MATCH (n) `SET` n.name = 'x'"],
  ['two statements, the second a write', "MATCH (n) RETURN n; CREATE (:Person {id: 'intruder'})"],
  ['two statements, the second a delete', 'MATCH (n) RETURN count(n); MATCH (m) DETACH DELETE m'],
  ['two reads', 'RETURN 1; RETURN 2'],
  ['CREATE INDEX', 'CREATE INDEX intruder FOR (p:Person) ON (p.name)'],
  ['DROP INDEX', 'DROP INDEX person_name'],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT intruder FOR (p:Person) REQUIRE p.name IS UNIQUE'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT person_id'],
  ['LadybugDB CREATE NODE TABLE', 'CREATE NODE TABLE Intruder(id STRING PRIMARY KEY)'],
  ['LadybugDB DROP TABLE', 'DROP TABLE Person'],
  ['LadybugDB ALTER TABLE', 'ALTER TABLE Person ADD intruder STRING'],
  ['LadybugDB INSTALL', 'INSTALL json'],
  ['LadybugDB CHECKPOINT', 'CHECKPOINT'],
  ['LadybugDB BEGIN TRANSACTION', 'BEGIN TRANSACTION'],
  ['LadybugDB EXPORT DATABASE', "EXPORT DATABASE '/tmp/kg-export'"],
  ['CREATE DATABASE', 'CREATE DATABASE intruder'],
  ['CREATE USER', "CREATE USER intruder SET PASSWORD 'secret-password'"],
  ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  [
    'a writing APOC procedure',
    "CALL apoc.create.node(['Person'], {id: 'intruder'}) YIELD node RETURN node",
  ],
  [
    'APOC running a write',
    'CALL apoc.cypher.doIt(\'CREATE (:Person {id: "intruder"})\', {}) YIELD value RETURN value',
  ],
  [
    'apoc.periodic.iterate',
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
  ],
  ['db.createLabel', "CALL db.createLabel('Intruder')"],
  ['backticked db.createLabel', "CALL `db`.`createLabel`('Intruder')"],
  ['dbms.setConfigValue', "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"],
  ['MERGE after WITH', "MATCH (n:Person) WITH n MERGE (:Person {id: n.id + '-copy'})"],
  ['CREATE a relationship', 'MATCH (a:Person), (b:State) CREATE (a)-[:RELATION]->(b)'],
  [
    'SET in a conditional FOREACH',
    "OPTIONAL MATCH (n:Person) FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n.name = 'x')",
  ],
  ['a console command', ':param id => "x"'],
  ['surrounded by whitespace', "   \n CREATE (:Person {id: 'intruder'}) \n  "],
];

describe('POST /cypher refuses every write attempt before execution', () => {
  let server: TestServer;
  let before: GraphFingerprint;
  beforeAll(async () => {
    server = await startTestServer();
    before = await fingerprint(server.graph);
  });
  afterAll(() => server.stop());

  it(`has at least 40 attempts (${ATTEMPTS.length})`, () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ATTEMPTS)('refuses %s', async (_what, query) => {
    const res = await postCypher(server.origin, query);
    expect(res.status).toBe(400);
    expect(Object.values(CypherRefusalCode)).toContain(res.body.errors[0].extensions.code);
    expect(res.body.errors[0].message).not.toMatch(/\n\s+at /);
  });

  it('ran none of them on the engine', () => {
    expect(server.graph.port.stats.snapshot()[ANALYST_QUERY_NAME]).toBeUndefined();
  });

  it('leaves the node and relationship counts and the property checksum unchanged', async () => {
    const after = await fingerprint(server.graph);
    expect(after).toEqual(before);
    expect(after.nodes).toBe(57);
    expect(after.relationships).toBe(168);
  });
});

describe("The engine's read-only transaction, without the guard", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it.each([
    ["CREATE (:Person {id: 'intruder', name: 'Intruder'})"],
    ["MATCH (p:Person) SET p.name = 'x'"],
    ['MATCH (n) DETACH DELETE n'],
  ])('refuses %s in an untrusted read on the embedded engine', async (text) => {
    const before = await fingerprint(server.graph);
    await expect(
      server.graph.port.read({ name: 'test/untrusted', text }, {}, { untrusted: true }),
    ).rejects.toThrow(/Can not execute a write query inside a read-only transaction/);
    expect(await fingerprint(server.graph)).toEqual(before);
  });
});
