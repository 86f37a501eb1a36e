/**
 * The Cypher library: names resolve to the engine's variant or the shared
 * file, one-sided variants fail start-up, and template slots only take
 * identifiers and label expressions. Fake `CypherFile` objects exercise the
 * library on its own; the real `cypher/` folder is checked too.
 */
import {
  CypherLibrary,
  GraphErrorCode,
  slotsOf,
  type CypherFile,
  type EngineKind,
} from '../../src/graph';

const file = (name: string, variant: EngineKind | 'shared', text: string): CypherFile => ({
  name,
  variant,
  file: `cypher/${name}${variant === 'shared' ? '' : `.${variant}`}.cypher`,
  text,
});

const FILES: CypherFile[] = [
  file('read/shared', 'shared', 'RETURN 1 AS shared'),
  file('read/split', 'neo4j', 'RETURN "neo4j" AS engine'),
  file('read/split', 'embedded', 'RETURN "embedded" AS engine'),
  file('read/override', 'shared', 'RETURN "shared" AS engine'),
  file('read/override', 'embedded', 'RETURN "embedded" AS engine'),
  file('read/template', 'shared', 'MATCH (n:{{labels}})-[r:{{type}}]->() RETURN n'),
  file('schema/create', 'shared', '// comment\nCREATE A;\n// another\nCREATE B;\n\nCREATE C'),
];

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('A CypherLibrary', () => {
  const neo4j = new CypherLibrary('neo4j', FILES);
  const embedded = new CypherLibrary('embedded', FILES);

  it('resolves a name to the engine variant when there is one', () => {
    expect(neo4j.get('read/split').text).toBe('RETURN "neo4j" AS engine');
    expect(embedded.get('read/split').text).toBe('RETURN "embedded" AS engine');
  });

  it('prefers an engine variant over the shared file, and falls back to the shared file', () => {
    expect(embedded.get('read/override').text).toBe('RETURN "embedded" AS engine');
    expect(neo4j.get('read/override').text).toBe('RETURN "shared" AS engine');
  });

  it('uses the shared file for both engines when there is no variant', () => {
    expect(neo4j.get('read/shared')).toEqual({ name: 'read/shared', text: 'RETURN 1 AS shared' });
    expect(embedded.get('read/shared').text).toBe('RETURN 1 AS shared');
  });

  it('lists its names sorted', () => {
    expect(neo4j.names()).toEqual([
      'read/override',
      'read/shared',
      'read/split',
      'read/template',
      'schema/create',
    ]);
  });

  it('fails at start-up on a variant for only one engine without a shared file', () => {
    const files = [file('read/lonely', 'neo4j', 'RETURN 1')];
    expect(() => new CypherLibrary('embedded', files)).toThrow(
      /cypher\/read\/lonely has a neo4j variant but no embedded variant/,
    );
    expect(codeOf(() => new CypherLibrary('embedded', files))).toBe(GraphErrorCode.QUERY_NOT_FOUND);
    expect(new CypherLibrary('neo4j', files).has('read/lonely')).toBe(true);
  });

  it('names every missing query in requireAll', () => {
    expect(() => neo4j.requireAll(['read/shared', 'read/missing', 'write/absent'])).toThrow(
      'Missing Cypher files for the neo4j engine: cypher/read/missing.cypher, cypher/write/absent.cypher.',
    );
    expect(() => neo4j.requireAll(['read/shared', 'read/split'])).not.toThrow();
  });

  it('refuses an unknown name', () => {
    expect(codeOf(() => neo4j.get('read/unknown'))).toBe(GraphErrorCode.QUERY_NOT_FOUND);
  });

  it('fills slots with labels, types and label expressions, and names the rendering after them', () => {
    const query = neo4j.render('read/template', { labels: 'Person|State', type: 'MADE' });
    expect(query.text).toBe('MATCH (n:Person|State)-[r:MADE]->() RETURN n');
    expect(query.name).toBe('read/template[Person|State,MADE]');
  });

  it.each([
    ['an injection attempt', 'Person) DETACH DELETE (n'],
    ['a space', 'Person State'],
    ['an empty value', ''],
    ['a leading digit', '1Person'],
    ['a dangling bar', 'Person|'],
    ['a backtick', 'Person`'],
  ])('refuses a slot value that is %s', (_what, value) => {
    expect(() => neo4j.render('read/template', { labels: value, type: 'MADE' })).toThrow(
      /Refusing slot value/,
    );
    expect(codeOf(() => neo4j.render('read/template', { labels: value, type: 'MADE' }))).toBe(
      GraphErrorCode.QUERY_FAILED,
    );
  });

  it('refuses to render a template with a slot left unfilled', () => {
    expect(() => neo4j.render('read/template', { labels: 'Person' })).toThrow(
      'Query "read/template" needs a value for {{type}}.',
    );
    expect(() => neo4j.get('read/template')).toThrow(/needs a value for \{\{labels\}\}/);
  });

  it('splits a multi-statement file on semicolons at line ends, dropping comments', () => {
    expect(neo4j.statements('schema/create')).toEqual([
      { name: 'schema/create#1', text: 'CREATE A' },
      { name: 'schema/create#2', text: 'CREATE B' },
      { name: 'schema/create#3', text: 'CREATE C' },
    ]);
  });

  it('finds every slot of a template once', () => {
    expect(slotsOf('MATCH (a:{{label}})-[:{{type}}]->(b:{{label}})')).toEqual(['label', 'type']);
    expect(slotsOf('RETURN 1')).toEqual([]);
  });
});

describe('The cypher/ folder', () => {
  it.each(['neo4j', 'embedded'] as const)(
    'loads for the %s engine with the same query names',
    (engine) => {
      const names = new CypherLibrary(engine).names();
      expect(names).toEqual(new CypherLibrary(engine === 'neo4j' ? 'embedded' : 'neo4j').names());
      expect(names).toContain('schema/create');
      expect(names).toContain('health/ping');
    },
  );
});
