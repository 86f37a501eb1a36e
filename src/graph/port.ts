import type { QueryStats } from './query-stats';
import type { Params, Row } from './values';

export type EngineKind = 'neo4j' | 'embedded';

/** A query ready to run: its library name (for metrics and errors) and its text. */
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

export interface RunOptions {
  /** Abort the query after this many milliseconds. */
  readonly timeoutMs?: number;
  /**
   * The query was written by a person, not taken from the library (`POST /cypher`).
   * Reads then run in a transaction the engine itself keeps read-only: Neo4j's
   * `executeRead`, and on the embedded engine `BEGIN TRANSACTION READ ONLY` on
   * a connection of its own.
   */
  readonly untrusted?: boolean;
  /** Stop reading after this many rows (embedded: the rest are never fetched). */
  readonly maxRows?: number;
}

/** Runs statements inside one write transaction. */
export interface GraphTransaction {
  run(query: CypherQuery, params?: Params): Promise<Row[]>;
}

/**
 * The one port between the application and a graph engine. Above `src/graph`,
 * code runs queries through the typed query layer (`src/graph/queries`), which
 * runs them through this port. The port itself is used only to build that layer
 * (the request context, the seed), by the server's lifecycle (stats, close) and
 * by the ad-hoc `npm run cypher` tool.
 *
 * Results are plain JS values (see `values.ts`): integers are numbers,
 * nodes and relationships are plain objects.
 */
export interface GraphPort {
  readonly engine: EngineKind;
  /** Counters and timings of every query run through this port, by name. */
  readonly stats: QueryStats;

  /** Runs one query in a read transaction. */
  read(query: CypherQuery, params?: Params, options?: RunOptions): Promise<Row[]>;

  /** Runs one query in its own write transaction. */
  write(query: CypherQuery, params?: Params, options?: RunOptions): Promise<Row[]>;

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does.
   * `work` may run more than once when the engine retries a transient failure,
   * so it must not have side effects outside the transaction.
   */
  writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>, options?: RunOptions): Promise<T>;

  /**
   * Why writes are refused right now (e.g. the embedded database's disk is
   * below its free-space reserve), or undefined while they are accepted.
   * Engines without such a condition leave it out. Shown by /readyz.
   */
  writeRefusal?(): string | undefined;

  /** Takes a consistent snapshot of the database now (embedded engine with its journal on). */
  snapshot?(): Promise<{ readonly file: string; readonly seq: number; readonly at: string }>;

  /** Releases the driver or the database. Later calls fail with GRAPH_CLOSED. */
  close(): Promise<void>;
}
