import { CypherLibrary } from './cypher-library';
import type { GraphPort } from './port';

/** Which engine to open, and how. */
export type GraphConfig =
  | {
      readonly engine: 'neo4j';
      readonly uri: string;
      readonly user: string;
      readonly password: string;
      readonly database: string;
      readonly queryTimeoutMs?: number;
    }
  | ({ readonly engine: 'embedded' } & EmbeddedSettings);

/** The embedded engine's settings (see `EmbeddedOptions` in embedded/embedded-adapter.ts for each). */
export interface EmbeddedSettings {
  readonly path: string;
  readonly queryTimeoutMs?: number;
  readonly bufferPoolBytes?: number;
  readonly maxDbSizeBytes?: number;
  readonly checkpointBytes?: number;
  readonly journal?: boolean;
  readonly storageReserveBytes?: number;
  readonly snapshotIntervalMs?: number;
  readonly snapshotKeep?: number;
}

/** An open engine with the Cypher library of its dialect. */
export interface Graph {
  readonly port: GraphPort;
  readonly cypher: CypherLibrary;
}

/**
 * Opens the configured engine and loads its Cypher library. The library is
 * loaded first, so a missing query file fails start-up before any connection.
 * An embedded database gets its schema on open.
 */
export async function openGraph(config: GraphConfig, requiredQueries: readonly string[] = []): Promise<Graph> {
  const cypher = new CypherLibrary(config.engine);
  cypher.requireAll(requiredQueries);
  // Adapters load on demand: a Neo4j deployment never loads the embedded
  // engine's native addon, which exists for fewer platforms than Node does.
  let port: GraphPort;
  if (config.engine === 'neo4j') {
    const { Neo4jGraph } = await import('./neo4j/neo4j-adapter');
    port = await Neo4jGraph.open(config);
  } else {
    const { EmbeddedGraph } = await import('./embedded/embedded-adapter');
    const { engine: _engine, ...settings } = config;
    port = await EmbeddedGraph.open(settings);
  }
  const graph = { port, cypher };
  // The embedded engine needs its tables before any query; creating them is
  // idempotent and cheap, so every open does it. Neo4j is schemaless and gets
  // its constraints from `npm run schema:apply` or the server's start-up.
  if (config.engine === 'embedded') {
    try {
      await applySchema(graph);
    } catch (error) {
      await port.close().catch(() => undefined);
      throw error;
    }
  }
  return graph;
}

/**
 * Rebuilds a stopped embedded database from a snapshot (the newest intact
 * one, or `snapshotFile`) plus its journal; see docs/reliability.md.
 */
export async function restoreEmbeddedGraph(settings: EmbeddedSettings, snapshotFile?: string) {
  const { restoreEmbedded } = await import('./embedded/embedded-adapter');
  return restoreEmbedded(settings, snapshotFile);
}

/** Creates the engine's schema (tables, or constraints and indexes). Idempotent. */
export async function applySchema(graph: Graph): Promise<number> {
  const statements = graph.cypher.statements('schema/create');
  for (const statement of statements) await graph.port.write(statement);
  return statements.length;
}

/** Resolves when the engine answers a trivial query within `timeoutMs`. */
export async function pingGraph(graph: Graph, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the graph engine did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([graph.port.read(graph.cypher.get('health/ping'), {}, { timeoutMs }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
