/**
 * The contract every engine behind `GraphPort` keeps: reads and writes,
 * atomic write transactions, parameters of every type, plain result values,
 * safe integers, per-name statistics and refusal after close.
 *
 * The suite body is exported so that `test/neo4j` can run it against Neo4j.
 */
import { GraphError, GraphErrorCode, type Graph } from '../../src/graph';
import {
  describeEngines,
  isRunningTestFile,
  type EngineUnderTest,
  type TestGraph,
} from '../helpers/graph-helper';

const q = (name: string, text: string) => ({ name: `test/${name}`, text });

const COUNT_PEOPLE = q('count-people', 'MATCH (p:Person) RETURN count(p) AS total');
const CREATE_PERSON = q('create-person', 'CREATE (p:Person {id: $id, name: $name}) RETURN p');

async function people(graph: Graph): Promise<number> {
  const [row] = await graph.port.read(COUNT_PEOPLE);
  return row?.total as number;
}

async function failureOf(work: () => Promise<unknown>): Promise<GraphError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected the work to fail');
}

export function portContract({ open }: EngineUnderTest): void {
  let test: TestGraph;
  let graph: Graph;

  beforeEach(async () => {
    test = await open();
    graph = test.graph;
  });
  afterEach(() => test.close());

  it('writes a node and reads it back', async () => {
    const written = await graph.port.write(CREATE_PERSON, { id: 'ada', name: 'Ada' });
    expect(written).toHaveLength(1);
    const rows = await graph.port.read(
      q('person', 'MATCH (p:Person {id: $id}) RETURN p.name AS name'),
      { id: 'ada' },
    );
    expect(rows).toEqual([{ name: 'Ada' }]);
  });

  it('commits every statement of a write transaction together', async () => {
    const result = await graph.port.writeTransaction(async (tx) => {
      await tx.run(CREATE_PERSON, { id: 'ada', name: 'Ada' });
      await tx.run(CREATE_PERSON, { id: 'bob', name: 'Bob' });
      return tx.run(q('count-in-tx', 'MATCH (p:Person) RETURN count(p) AS total'));
    });
    expect(result).toEqual([{ total: 2 }]);
    expect(await people(graph)).toBe(2);
  });

  it('leaves nothing behind when a write transaction throws midway', async () => {
    await graph.port.write(CREATE_PERSON, { id: 'existing', name: 'Existing' });
    const failure = graph.port.writeTransaction(async (tx) => {
      await tx.run(CREATE_PERSON, { id: 'ada', name: 'Ada' });
      throw new Error('the work failed after its first statement');
    });
    await expect(failure).rejects.toThrow('the work failed after its first statement');
    expect(await people(graph)).toBe(1);
    const ada = await graph.port.read(q('find-ada', 'MATCH (p:Person {id: $id}) RETURN p'), {
      id: 'ada',
    });
    expect(ada).toEqual([]);
  });

  it('rolls back a write transaction whose statement fails, and stays usable', async () => {
    const error = await failureOf(() =>
      graph.port.writeTransaction(async (tx) => {
        await tx.run(CREATE_PERSON, { id: 'ada', name: 'Ada' });
        await tx.run(q('broken', 'MATCH (p:Person) RETURN p.id +* 1'));
      }),
    );
    expect(error.code).toBe(GraphErrorCode.QUERY_FAILED);
    expect(await people(graph)).toBe(0);
    await graph.port.write(CREATE_PERSON, { id: 'bob', name: 'Bob' });
    expect(await people(graph)).toBe(1);
  });

  it('takes parameters of every type the application sends', async () => {
    const rows = await graph.port.read(
      q(
        'echo-params',
        'RETURN $text AS text, $int AS int, $float AS float, $yes AS yes, $no AS no, $list AS list, $empty AS empty, size($list) AS size',
      ),
      {
        text: 'Zelenskyy’s “quote”',
        int: 42,
        float: 2.5,
        yes: true,
        no: false,
        list: ['a', 'b'],
        empty: '',
      },
    );
    expect(rows).toEqual([
      {
        text: 'Zelenskyy’s “quote”',
        int: 42,
        float: 2.5,
        yes: true,
        no: false,
        list: ['a', 'b'],
        empty: '',
        size: 2,
      },
    ]);
  });

  it('unwinds a list of maps, and treats an empty string as "no filter"', async () => {
    await graph.port.write(
      q(
        'create-people',
        'UNWIND $rows AS row CREATE (:Person {id: row.id, name: row.name, aliases: row.aliases})',
      ),
      {
        rows: [
          { id: 'ada', name: 'Ada', aliases: ['Countess'] },
          { id: 'bob', name: 'Bob', aliases: [] },
        ],
      },
    );
    const filtered = q(
      'filter',
      "MATCH (p:Person) WHERE $name = '' OR p.name = $name RETURN p.id AS id ORDER BY id",
    );
    expect(await graph.port.read(filtered, { name: '' })).toEqual([{ id: 'ada' }, { id: 'bob' }]);
    expect(await graph.port.read(filtered, { name: 'Bob' })).toEqual([{ id: 'bob' }]);
    const aliases = await graph.port.read(
      q('aliases', 'MATCH (p:Person {id: $id}) RETURN p.aliases AS aliases'),
      { id: 'ada' },
    );
    expect(aliases).toEqual([{ aliases: ['Countess'] }]);
  });

  it('returns nodes and relationships as plain objects with application ids', async () => {
    await graph.port.write(
      q(
        'create-made',
        'CREATE (:Person {id: $p, name: $name})-[:MADE]->(:Statement {id: $s, text: $text, ordinal: 3})',
      ),
      { p: 'ada', name: 'Ada', s: 'ada-says', text: 'Hello' },
    );
    const [row] = await graph.port.read(
      q('made', 'MATCH (p:Person)-[r:MADE]->(s:Statement) RETURN p, r, s'),
    );
    expect(row?.p).toEqual({
      kind: 'node',
      label: 'Person',
      id: 'ada',
      properties: expect.objectContaining({ id: 'ada', name: 'Ada' }),
    });
    expect(row?.s).toEqual({
      kind: 'node',
      label: 'Statement',
      id: 'ada-says',
      properties: expect.objectContaining({ text: 'Hello', ordinal: 3 }),
    });
    expect(row?.r).toEqual({
      kind: 'relationship',
      type: 'MADE',
      properties: {},
      startId: 'ada',
      endId: 'ada-says',
    });
    expect(Object.getPrototypeOf(row?.p)).toBe(Object.prototype);
  });

  it('leaves unset properties out of a node', async () => {
    await graph.port.write(CREATE_PERSON, { id: 'ada', name: 'Ada' });
    const [row] = await graph.port.read(q('ada', 'MATCH (p:Person {id: $id}) RETURN p'), {
      id: 'ada',
    });
    expect(row?.p).toMatchObject({ properties: { id: 'ada', name: 'Ada' } });
    expect(Object.values((row?.p as { properties: object }).properties)).not.toContain(null);
  });

  it('returns integers as JS numbers', async () => {
    const rows = await graph.port.read(
      q(
        'integers',
        'RETURN 7 AS small, 9007199254740991 AS largest, -9007199254740991 AS smallest, 1.5 AS fraction',
      ),
    );
    expect(rows).toEqual([
      {
        small: 7,
        largest: Number.MAX_SAFE_INTEGER,
        smallest: Number.MIN_SAFE_INTEGER,
        fraction: 1.5,
      },
    ]);
    expect(typeof rows[0]?.small).toBe('number');
  });

  it('refuses an integer outside the safe range instead of rounding it', async () => {
    const error = await failureOf(() =>
      graph.port.read(q('big', 'RETURN 9223372036854775807 AS big')),
    );
    expect(error.code).toBe(GraphErrorCode.INTEGER_OUT_OF_RANGE);
    expect(error.message).toMatch(/column "big"/);
  });

  it('counts queries by name', async () => {
    await graph.port.read(COUNT_PEOPLE);
    await graph.port.read(COUNT_PEOPLE);
    await graph.port.write(CREATE_PERSON, { id: 'ada', name: 'Ada' });
    await failureOf(() => graph.port.read(q('broken', 'RETURN 1 +* 1')));
    const stats = graph.port.stats.snapshot();
    expect(stats['test/count-people']).toMatchObject({ count: 2, errors: 0 });
    expect(stats['test/create-person']).toMatchObject({ count: 1, errors: 0 });
    expect(stats['test/broken']).toMatchObject({ count: 1, errors: 1 });
    expect(stats['test/count-people']?.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a failing query with its name and GRAPH_QUERY_FAILED', async () => {
    const error = await failureOf(() => graph.port.read(q('broken', 'RETURN 1 +* 1')));
    expect(error.code).toBe(GraphErrorCode.QUERY_FAILED);
    expect(error.queryName).toBe('test/broken');
  });

  it('refuses every call after close with GRAPH_CLOSED', async () => {
    await test.close();
    for (const call of [
      () => graph.port.read(COUNT_PEOPLE),
      () => graph.port.write(CREATE_PERSON, { id: 'ada', name: 'Ada' }),
      () => graph.port.writeTransaction(async () => undefined),
    ]) {
      expect((await failureOf(call)).code).toBe(GraphErrorCode.CLOSED);
    }
    await expect(graph.port.close()).resolves.toBeUndefined();
  });
}

if (isRunningTestFile(__filename)) describeEngines('The graph port', portContract);
