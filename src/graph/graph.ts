import { CypherLibrary } from './cypher-library';
import {
  type EmbeddedSettings,
  type GraphConfig,
  appliesSchemaOnOpen,
  graphEngine,
} from './engines';
import type { GraphPort } from './port';
import type { GraphQueries, QueryPort } from './queries/cypher-queries';
import { QUERY_NAMES } from './queries/query-names';

export type { GraphConfig } from './engines';

/** An open engine with the Cypher library of its dialect. */
export interface Graph {
  readonly port: GraphPort;
  readonly cypher: CypherLibrary;
  /**
   * Makes this graph's query layer over a (request-scoped) port. Absent for
   * the engines, whose layer is `createQueries(port, cypher)`; the benchmark's
   * in-memory graph answers the typed queries from JS maps instead.
   */
  readonly queryLayer?: (port: QueryPort) => GraphQueries;
}

/**
 * Opens the configured engine and loads its Cypher library. The engine is
 * looked up first (an unknown one fails with GRAPH_ENGINE_UNKNOWN), then the
 * library is loaded and must hold every query the query layer runs
 * (`QUERY_NAMES`), so a missing query file fails start-up before any
 * connection. Engines whose registry entry says `schemaOnOpen` get their
 * schema here.
 */
export async function openGraph(
  config: GraphConfig,
  requiredQueries: readonly string[] = QUERY_NAMES,
): Promise<Graph> {
  const engine = graphEngine(config);
  const cypher = new CypherLibrary(config.engine);
  cypher.requireAll(requiredQueries);
  const port = await engine.open(config);
  const graph = { port, cypher };
  if (engine.schemaOnOpen) {
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
 * Applies the schema unless `openGraph` already did for this engine, so
 * start-up applies it exactly once. Returns the statements it ran (0 when
 * the open had applied them).
 */
export async function ensureSchema(graph: Graph): Promise<number> {
  return appliesSchemaOnOpen(graph.port.engine) ? 0 : applySchema(graph);
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
    timer = setTimeout(
      () => reject(new Error(`the graph engine did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([
      graph.port.read(graph.cypher.get('health/ping'), {}, { timeoutMs }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
