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
import { Loaders, TRAVERSALS } from '../../src/loaders';

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

describe('The loaders over the query layer', () => {
  const parentsOf = (text: string): string => /MATCH \(parent:([^)]+)\)/.exec(text)?.[1] ?? '';

  it("start each traversal from the parents' own label, one batch per label", async () => {
    const embedded = recordingPort('embedded');
    const loaders = new Loaders(createQueries(embedded.port, new CypherLibrary('embedded')));
    const made = TRAVERSALS.statementsMadeBy;
    expect(made.parentLabels).toEqual(['Person', 'Organization', 'State']);
    await Promise.all([
      loaders.related(made, 3, 'Person').load('antony-blinken'),
      loaders.related(made, 3, 'Person').load('volodymyr-zelenskyy'),
      loaders.related(made, 3, 'State').load('china'),
    ]);
    expect(
      embedded.sent.map((s) => ({ parents: parentsOf(s.query.text), ids: s.params?.ids })),
    ).toEqual([
      { parents: 'Person', ids: ['antony-blinken', 'volodymyr-zelenskyy'] },
      { parents: 'State', ids: ['china'] },
    ]);
  });

  it('keeps every parent label when the label is not known', async () => {
    const embedded = recordingPort('embedded');
    const loaders = new Loaders(createQueries(embedded.port, new CypherLibrary('embedded')));
    await loaders.related(TRAVERSALS.statementsMadeBy, 3).load('antony-blinken');
    expect(parentsOf(embedded.sent[0]?.query.text ?? '')).toBe('Person|Organization|State');
  });

  it("fetches the sources of statements in the traversal's own query when asked, and only for statements", async () => {
    const embedded = recordingPort('embedded');
    const loaders = new Loaders(createQueries(embedded.port, new CypherLibrary('embedded')));
    await loaders
      .related(TRAVERSALS.statementsMadeBy, 3, 'Person', { limit: 100 })
      .load('antony-blinken');
    await loaders.related(TRAVERSALS.statementsMadeBy, 3, 'Person').load('antony-blinken');
    await loaders
      .related(TRAVERSALS.mentionsOf, 3, 'Statement', { limit: 100 })
      .load('blinken-meat-grinder');
    await loaders
      .related(TRAVERSALS.statementsReportedIn, 3, 'Source', { limit: 100 })
      .load('source-1');
    expect(embedded.sent.map((s) => s.query.name.replace(/\[.*$/, ''))).toEqual([
      'traverse/outgoing-with-source',
      'traverse/outgoing',
      'traverse/outgoing',
      'traverse/incoming',
    ]);
  });
});
