/**
 * The engine registry: everything the rest of the code needs to know about
 * one graph engine, in one entry. Config, the CLI and the server ask this
 * registry instead of branching on the engine's name, so adding an engine is
 * one entry here plus its adapter folder, and a name missing from the
 * registry is refused with GRAPH_ENGINE_UNKNOWN rather than treated as some
 * other engine.
 */
import path from 'node:path';
import { GraphError, GraphErrorCode } from './errors';
import type { EngineKind, GraphPort } from './port';

/** How to reach a Neo4j server. */
export interface Neo4jConfig {
  readonly engine: 'neo4j';
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly queryTimeoutMs?: number;
}

/** The embedded engine's settings (see `EmbeddedOptions` in embedded/embedded-adapter.ts for each). */
export interface EmbeddedSettings {
  /** Where the LadybugDB database lives (a path, or `:memory:`). */
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

/** The embedded LadybugDB engine and its settings. */
export interface EmbeddedConfig extends EmbeddedSettings {
  readonly engine: 'embedded';
}

/** Which engine to open, and how. */
export type GraphConfig = Neo4jConfig | EmbeddedConfig;

/** What the registry knows about one engine. */
export interface GraphEngine<C extends GraphConfig = GraphConfig> {
  /** Opens the engine's port. Adapters are imported here, on demand. */
  open(config: C): Promise<GraphPort>;
  /** Where the graph lives as configured (the URI or the path), for start-up lines. */
  location(config: C): string;
  /** A short phrase naming the engine and where it lives, for progress messages. */
  describe(config: C): string;
  /** The configuration with its secrets replaced, for logs. Never changes `config`. */
  redact(config: C): C;
  /**
   * True when every open must apply the schema before any query runs. Callers
   * that apply the schema themselves at start-up skip it for these engines,
   * so it is applied once (see `ensureSchema` in `graph.ts`).
   */
  readonly schemaOnOpen: boolean;
}

export const REDACTED = '[redacted]';

/**
 * The registered engines. Adapters load on demand: a Neo4j deployment never
 * loads the embedded engine's native addon, which exists for fewer platforms
 * than Node does.
 */
const ENGINES: { readonly [K in EngineKind]: GraphEngine<Extract<GraphConfig, { engine: K }>> } = {
  neo4j: {
    async open(config) {
      const { Neo4jGraph } = await import('./neo4j/neo4j-adapter');
      return Neo4jGraph.open(config);
    },
    location: (config) => config.uri,
    describe: (config) => `Neo4j at ${config.uri} (database ${config.database})`,
    redact: (config) => ({ ...config, password: REDACTED }),
    // Neo4j is schemaless: its constraints and indexes come from the server's
    // start-up or `npm run schema:apply`, not from every open.
    schemaOnOpen: false,
  },
  embedded: {
    async open(config) {
      const { EmbeddedGraph } = await import('./embedded/embedded-adapter');
      const { engine: _engine, ...settings } = config;
      return EmbeddedGraph.open(settings);
    },
    location: (config) => config.path,
    describe: (config) => `embedded graph at ${path.resolve(config.path)}`,
    redact: (config) => ({ ...config }),
    // LadybugDB needs its node and relationship tables before any query;
    // creating them is idempotent and cheap.
    schemaOnOpen: true,
  },
};

/** The names of the registered engines, in registry order. */
export const ENGINE_NAMES = Object.keys(ENGINES) as EngineKind[];

/**
 * The registry entry for `config.engine`.
 *
 * @throws GraphError GRAPH_ENGINE_UNKNOWN when no engine of that name is registered.
 * @example
 *   graphEngine(config).describe(config) // "Neo4j at bolt://db:7687 (database neo4j)"
 */
export function graphEngine<C extends GraphConfig>(config: C): GraphEngine<C> {
  // The entry is found under `config.engine`, so it takes this config's type.
  return registered((config as { engine?: unknown }).engine) as unknown as GraphEngine<C>;
}

/** True when opening `engine` applies its schema (see `GraphEngine.schemaOnOpen`). */
export function appliesSchemaOnOpen(engine: EngineKind): boolean {
  return registered(engine).schemaOnOpen;
}

function registered(name: unknown): (typeof ENGINES)[EngineKind] {
  if (typeof name !== 'string' || !Object.hasOwn(ENGINES, name)) {
    throw new GraphError(
      GraphErrorCode.ENGINE_UNKNOWN,
      `Unknown graph engine ${JSON.stringify(name)}: expected one of ${ENGINE_NAMES.join(', ')}. ` +
        'Use a registered engine, or register the new one in src/graph/engines.ts.',
    );
  }
  return ENGINES[name as EngineKind];
}

/** `config` with its secrets replaced, for logs. */
export function redactGraphConfig<C extends GraphConfig>(config: C): C {
  return graphEngine(config).redact(config);
}

/** A short phrase naming the engine and where it lives, e.g. "embedded graph at /srv/data/graph.lbug". */
export function describeGraphConfig(config: GraphConfig): string {
  return graphEngine(config).describe(config);
}

/** Where the graph lives as configured: the Neo4j URI or the embedded path. */
export function graphLocation(config: GraphConfig): string {
  return graphEngine(config).location(config);
}
