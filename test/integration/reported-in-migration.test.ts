/**
 * An embedded database created before REPORTED_IN carried per-report
 * evidence gains the columns when the schema is applied again (every open
 * applies it), keeping its data; the ingest commit can then write evidence.
 */
import { applySchema, createQueries } from '../../src/graph';
import { openTestGraph, type TestGraph } from '../helpers/graph-helper';

let test: TestGraph;
beforeAll(async () => {
  test = await openTestGraph({ seed: false });
});
afterAll(() => test.close());

const run = (text: string) => test.graph.port.write({ name: 'migration-test', text });

describe('the REPORTED_IN evidence columns on an older database', () => {
  it('are added by applying the schema, and the existing relationships stay', async () => {
    // The table as it was created before issue 16: no properties.
    await run('DROP TABLE REPORTED_IN');
    await run('CREATE REL TABLE REPORTED_IN(FROM Statement TO Source, FROM Event TO Source)');
    await run("CREATE (:Statement {id: 'old-claim', text: 'Old words'})");
    await run("CREATE (:Source {id: 'old-source', name: 'Old source'})");
    await run(
      "MATCH (s:Statement {id: 'old-claim'}), (o:Source {id: 'old-source'}) CREATE (s)-[:REPORTED_IN]->(o)",
    );

    await applySchema(test.graph);

    const queries = createQueries(test.graph.port, test.graph.cypher);
    const [written] = await queries.writeTransaction((tx) =>
      tx.linkNodes('REPORTED_IN', 'Statement', 'Source', [
        {
          from: 'old-claim',
          to: 'old-source',
          properties: {
            text: 'Old words',
            evidence: 'He said: Old words.',
            evidenceStart: 9,
            evidenceEnd: 18,
          },
        },
      ]),
    );
    expect(written?.properties).toEqual({
      text: 'Old words',
      evidence: 'He said: Old words.',
      evidenceStart: 9,
      evidenceEnd: 18,
    });
    expect(
      await test.graph.port.read({
        name: 'count',
        text: 'MATCH ()-[r:REPORTED_IN]->() RETURN count(r) AS n',
      }),
    ).toEqual([{ n: 1 }]);
  });
});
