/**
 * The engine registry: every engine describes and redacts itself, an unknown
 * engine is refused with a stable code before anything opens, and the
 * schema-on-open step is the registry's to declare.
 */
import path from 'node:path';
import {
  ENGINE_NAMES,
  type EmbeddedConfig,
  GraphError,
  GraphErrorCode,
  type GraphConfig,
  type Neo4jConfig,
  describeGraphConfig,
  graphEngine,
  graphLocation,
  openGraph,
  redactGraphConfig,
} from '../../src/graph';

const NEO4J: Neo4jConfig = {
  engine: 'neo4j',
  uri: 'neo4j+s://db.example:7687',
  user: 'reader',
  password: 'neo4j-secret-pw',
  database: 'news',
  queryTimeoutMs: 1_000,
};
const EMBEDDED: EmbeddedConfig = {
  engine: 'embedded',
  path: './data/graph.lbug',
  queryTimeoutMs: 1_000,
};
/** What a typo in code or a hand-built config could pass. */
const UNKNOWN = { engine: 'sqlite', path: './x.db' } as unknown as GraphConfig;

const UNKNOWN_MESSAGE =
  'Unknown graph engine "sqlite": expected one of neo4j, embedded. ' +
  'Use a registered engine, or register the new one in src/graph/engines.ts.';

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the engine registry', () => {
  it('registers Neo4j and the embedded engine', () => {
    expect(ENGINE_NAMES).toEqual(['neo4j', 'embedded']);
  });

  it('refuses an unknown engine with GRAPH_ENGINE_UNKNOWN, naming the registered ones', () => {
    const error = thrown(() => graphEngine(UNKNOWN));
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: GraphErrorCode.ENGINE_UNKNOWN, message: UNKNOWN_MESSAGE });
    expect(thrown(() => describeGraphConfig(UNKNOWN))).toMatchObject({
      code: 'GRAPH_ENGINE_UNKNOWN',
    });
    expect(thrown(() => redactGraphConfig(UNKNOWN))).toMatchObject({
      code: 'GRAPH_ENGINE_UNKNOWN',
    });
  });

  it('does not mistake an inherited property for an engine', () => {
    const error = thrown(() => graphEngine({ engine: 'toString' } as unknown as GraphConfig));
    expect(error).toMatchObject({ code: GraphErrorCode.ENGINE_UNKNOWN });
  });

  it('makes openGraph refuse an unknown engine before opening anything', async () => {
    await expect(openGraph(UNKNOWN)).rejects.toMatchObject({
      name: 'GraphError',
      code: GraphErrorCode.ENGINE_UNKNOWN,
      message: UNKNOWN_MESSAGE,
    });
  });

  it('describes each engine and where it lives, for progress messages', () => {
    expect(describeGraphConfig(NEO4J)).toBe('Neo4j at neo4j+s://db.example:7687 (database news)');
    expect(describeGraphConfig(EMBEDDED)).toBe(
      `embedded graph at ${path.resolve('./data/graph.lbug')}`,
    );
    expect(graphLocation(NEO4J)).toBe('neo4j+s://db.example:7687');
    expect(graphLocation(EMBEDDED)).toBe('./data/graph.lbug');
  });

  it('never puts the Neo4j password in a description', () => {
    expect(describeGraphConfig(NEO4J)).not.toContain('neo4j-secret-pw');
    expect(graphLocation(NEO4J)).not.toContain('neo4j-secret-pw');
  });

  it('redacts the Neo4j password and keeps everything else, leaving the original untouched', () => {
    const redacted = redactGraphConfig(NEO4J);
    expect(redacted).toEqual({ ...NEO4J, password: '[redacted]' });
    expect(JSON.stringify(redacted)).not.toContain('neo4j-secret-pw');
    expect(NEO4J.password).toBe('neo4j-secret-pw');
  });

  it('has nothing to redact in an embedded configuration', () => {
    expect(redactGraphConfig(EMBEDDED)).toEqual(EMBEDDED);
  });

  it('declares which engines need their schema on every open', () => {
    expect(graphEngine(EMBEDDED).schemaOnOpen).toBe(true);
    expect(graphEngine(NEO4J).schemaOnOpen).toBe(false);
  });
});
