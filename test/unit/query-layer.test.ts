/**
 * The typed query layer knows every query it runs, so start-up can require
 * them all; and each engine's dialect builds its own search parameters below
 * the port.
 */
import {
  CypherLibrary,
  type CypherQuery,
  type EngineKind,
  type Params,
  QUERY_NAMES,
  createQueries,
  readCypherFiles,
} from '../../src/graph';

/** A port that records what the layer sends and answers with no rows. */
function recordingPort(engine: EngineKind) {
  const sent: Array<{ query: CypherQuery; params: Params | undefined }> = [];
  const port = {
    engine,
    read: async (query: CypherQuery, params?: Params) => {
      sent.push({ query, params });
      return [];
    },
    writeTransaction: async () => {
      throw new Error('not used');
    },
  };
  return { port, sent };
}

describe('The query layer', () => {
  it.each(['neo4j', 'embedded'] as const)(
    'finds every query it runs in the %s library',
    (engine) => {
      expect(() => new CypherLibrary(engine).requireAll(QUERY_NAMES)).not.toThrow();
    },
  );

  it('makes a missing query file a start-up error that names the file', () => {
    const files = readCypherFiles().filter((f) => f.name !== 'read/relationship-between');
    expect(() => new CypherLibrary('embedded', files).requireAll(QUERY_NAMES)).toThrow(
      'Missing Cypher files for the embedded engine: cypher/read/relationship-between.cypher.',
    );
  });

  it('runs every file of cypher/ except the analytics the CLI runs by path', () => {
    const unused = new CypherLibrary('embedded')
      .names()
      .filter((n) => !(QUERY_NAMES as readonly string[]).includes(n));
    expect(unused.every((n) => n.startsWith('analytics/'))).toBe(true);
  });

  it('sends Neo4j an escaped Lucene query and the embedded engine an edit distance, each only its own', async () => {
    const neo4j = recordingPort('neo4j');
    await createQueries(neo4j.port, new CypherLibrary('neo4j')).search(
      'kim jong-un',
      ['Person'],
      5,
    );
    expect(neo4j.sent[0]?.params).toEqual({
      text: 'kim jong-un',
      limit: 5,
      luceneQuery: '(kim OR kim* OR kim~1) AND (jong\\-un OR jong\\-un* OR jong\\-un~2)',
    });
    const embedded = recordingPort('embedded');
    await createQueries(embedded.port, new CypherLibrary('embedded')).search(
      'kim jong-un',
      ['Person'],
      5,
    );
    expect(embedded.sent[0]?.params).toEqual({ text: 'kim jong-un', limit: 5, maxEdits: 2 });
    expect(embedded.sent[0]?.query.name).toBe('search/text[Person]');
  });
});
