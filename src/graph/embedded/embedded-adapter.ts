import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection, Database, type PreparedStatement, type QueryResult } from '@ladybugdb/core';
import { GraphError, GraphErrorCode } from '../errors';
import type { CypherQuery, GraphPort, GraphTransaction, RunOptions } from '../port';
import { QueryStats } from '../query-stats';
import type { ParamValue, Params, Row } from '../values';
import { convertEmbeddedRows } from './embedded-values';

export interface EmbeddedOptions {
  /** A database path (created if missing) or `:memory:`. */
  readonly path: string;
  /**
   * Connections serving reads concurrently (default 4: on 2 cores, 4 gave
   * 6-26% more HTTP lookups/s and ~18% more nested queries/s than 2 at 16
   * client connections).
   */
  readonly readConnections?: number;
  /** Default per-query timeout. */
  readonly queryTimeoutMs?: number;
}

/**
 * Checkpoint once the write-ahead log holds this many bytes. LadybugDB keeps
 * about 50 KB of buffer-pool memory per committed write transaction until the
 * next checkpoint, while a small upsert adds only ~180 bytes of WAL. With the
 * engine's default threshold no checkpoint happened in 10,000 writes: memory
 * grew by ~50 MB per 1,000 writes, writes got ~5x slower, and a bounded
 * buffer pool filled up ("buffer pool is full"). 256 KiB keeps memory flat.
 * Found by test/reliability/soak.test.ts; see docs/reliability.md.
 */
export const EMBEDDED_CHECKPOINT_BYTES = 256 * 1024;

/**
 * A connection with its prepared statements, reused by query text. The
 * analysts' connection keeps none (`cache: false`): their texts are endless.
 */
class PooledConnection {
  private readonly prepared = new Map<string, PreparedStatement>();
  constructor(
    readonly connection: Connection,
    private readonly cache = true,
  ) {}

  async run(query: CypherQuery, params: Params, timeoutMs: number, maxRows = Infinity): Promise<Row[]> {
    this.connection.setQueryTimeout(timeoutMs);
    let statement = this.prepared.get(query.text);
    if (!statement) {
      statement = await this.connection.prepare(query.text);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      if (this.cache) this.prepared.set(query.text, statement);
    }
    const result = await this.connection.execute(statement, embeddedParams(query.text, params) as never);
    return convertEmbeddedRows(await rowsOf(result, maxRows));
  }

  /** Runs a statement that cannot be prepared (transaction control, DDL). */
  async exec(text: string): Promise<void> {
    const result = await this.connection.query(text);
    await rowsOf(result);
  }
}

/**
 * Shapes parameters the way LadybugDB's binder needs them: only parameters the
 * query names are sent, and every object in a list has the same keys (missing
 * ones become null), since a list must have one struct type.
 */
export function embeddedParams(text: string, params: Params): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    if (!new RegExp(`\\$${name}\\b`).test(text)) continue;
    out[name] = Array.isArray(value) ? uniformRows(value) : value;
  }
  return out;
}

function uniformRows(list: ParamValue[]): ParamValue[] {
  const isRow = (v: ParamValue): v is Record<string, ParamValue> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!list.every(isRow)) return list;
  const keys = new Set<string>();
  list.forEach((row) => Object.keys(row).forEach((k) => keys.add(k)));
  return list.map((row) => Object.fromEntries([...keys].map((k) => [k, row[k] ?? null])));
}

async function rowsOf(result: QueryResult | QueryResult[], maxRows = Infinity): Promise<Record<string, unknown>[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Record<string, unknown>[] = [];
  for (const r of results) {
    if (maxRows === Infinity) rows.push(...((await r.getAll()) as Record<string, unknown>[]));
    // Row by row, so that a capped read never fetches what it will not return.
    else while (rows.length < maxRows && r.hasNext()) rows.push((await r.getNext()) as Record<string, unknown>);
    r.close();
  }
  return rows;
}

/** Serializes async sections: LadybugDB allows one write transaction at a time. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async lock<T>(section: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await section();
    } finally {
      release();
    }
  }
}

/**
 * The embedded engine: LadybugDB in this process. Queries run on LadybugDB's
 * worker threads through its async API, so the event loop stays free.
 */
export class EmbeddedGraph implements GraphPort {
  readonly engine = 'embedded' as const;
  readonly stats = new QueryStats();
  private readonly readers: PooledConnection[];
  private readonly writer: PooledConnection;
  private readonly writeLock = new Mutex();
  /** Analyst-written reads run one at a time on their own connection (see `readUntrusted`). */
  private readonly analyst: PooledConnection;
  private readonly analystLock = new Mutex();
  private nextReader = 0;
  private closed = false;

  private constructor(
    private readonly database: Database,
    readers: Connection[],
    writer: Connection,
    analyst: Connection,
    private readonly defaultTimeoutMs: number,
  ) {
    this.readers = readers.map((c) => new PooledConnection(c));
    this.writer = new PooledConnection(writer);
    this.analyst = new PooledConnection(analyst, false);
  }

  /** Opens (creating if needed) the database at `options.path`. */
  static async open(options: EmbeddedOptions): Promise<EmbeddedGraph> {
    const dbPath = options.path;
    if (dbPath !== ':memory:') {
      try {
        mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
      } catch (cause) {
        throw new GraphError(
          GraphErrorCode.PATH_UNUSABLE,
          `Cannot create the folder for the embedded database at ${dbPath}: ${(cause as Error).message}`,
          { cause },
        );
      }
    }
    let database: Database;
    try {
      // Arguments: path, buffer pool (0 = engine default), compression, read-only, max size (0 = default),
      // auto-checkpoint, checkpoint threshold in WAL bytes. See EMBEDDED_CHECKPOINT_BYTES.
      database = new Database(dbPath, 0, true, false, 0, true, EMBEDDED_CHECKPOINT_BYTES);
      await database.init();
    } catch (cause) {
      throw translateOpenError(dbPath, cause);
    }
    const count = Math.max(1, options.readConnections ?? 4);
    const connections = Array.from({ length: count + 2 }, () => new Connection(database));
    await Promise.all(connections.map((c) => c.init()));
    const [writer, analyst, ...readers] = connections as [Connection, Connection, ...Connection[]];
    return new EmbeddedGraph(database, readers, writer, analyst, options.queryTimeoutMs ?? 30_000);
  }

  async read(query: CypherQuery, params: Params = {}, options?: RunOptions): Promise<Row[]> {
    this.assertOpen();
    if (options?.untrusted) return this.readUntrusted(query, params, options);
    const reader = this.readers[this.nextReader++ % this.readers.length] as PooledConnection;
    return this.timed(query, () => reader.run(query, params, this.timeoutOf(options), options?.maxRows));
  }

  /**
   * A person's query, in a transaction LadybugDB keeps read-only ("Can not
   * execute a write query inside a read-only transaction"). It has its own
   * connection, so that no library read ever runs inside it.
   */
  private readUntrusted(query: CypherQuery, params: Params, options: RunOptions): Promise<Row[]> {
    const timeoutMs = this.timeoutOf(options);
    return this.analystLock.lock(async () => {
      this.assertOpen();
      await this.analyst.exec('BEGIN TRANSACTION READ ONLY');
      try {
        return await this.timed(query, () => this.analyst.run(query, params, timeoutMs, options.maxRows));
      } finally {
        await this.analyst.exec('ROLLBACK').catch(() => undefined);
      }
    });
  }

  async write(query: CypherQuery, params: Params = {}, options?: RunOptions): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(query, params), options);
  }

  async writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>, options?: RunOptions): Promise<T> {
    this.assertOpen();
    const timeoutMs = this.timeoutOf(options);
    return this.writeLock.lock(async () => {
      this.assertOpen();
      await this.writer.exec('BEGIN TRANSACTION');
      const tx: GraphTransaction = {
        run: (query, params = {}) => this.timed(query, () => this.writer.run(query, params, timeoutMs)),
      };
      try {
        const result = await work(tx);
        await this.writer.exec('COMMIT');
        this.stats.recordCommit();
        return result;
      } catch (error) {
        await this.writer.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** Runs DDL outside a transaction (LadybugDB commits DDL on its own). */
  async runSchemaStatement(query: CypherQuery): Promise<void> {
    this.assertOpen();
    await this.writeLock.lock(() => this.timed(query, () => this.writer.exec(query.text)));
  }


  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Wait for the write in flight, then release connections before the database.
    await this.writeLock.lock(async () => undefined);
    await this.analystLock.lock(async () => undefined);
    for (const c of [this.writer, this.analyst, ...this.readers]) await c.connection.close().catch(() => undefined);
    await this.database.close();
  }

  private timeoutOf(options?: RunOptions): number {
    return Math.max(1, Math.round(options?.timeoutMs ?? this.defaultTimeoutMs));
  }

  private assertOpen(): void {
    if (this.closed) throw new GraphError(GraphErrorCode.CLOSED, 'The embedded graph database is closed.');
  }

  private async timed<T>(query: CypherQuery, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let failed = false;
    try {
      return await run();
    } catch (cause) {
      failed = true;
      throw translateQueryError(query, cause);
    } finally {
      this.stats.record(query.name, performance.now() - started, failed);
    }
  }
}

function translateOpenError(dbPath: string, cause: unknown): GraphError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/lock/i.test(message)) {
    return new GraphError(
      GraphErrorCode.LOCKED,
      `The embedded database at ${dbPath} is locked by another process. Stop the other server ` +
        `(or set EMBEDDED_DB_PATH to another path) and start again.`,
      { cause },
    );
  }
  return new GraphError(
    GraphErrorCode.PATH_UNUSABLE,
    `Cannot open the embedded database at ${dbPath}: ${message}`,
    { cause },
  );
}

function translateQueryError(query: CypherQuery, cause: unknown): GraphError {
  if (cause instanceof GraphError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const queryName = query.name;
  if (/interrupt|timeout/i.test(message)) {
    return new GraphError(GraphErrorCode.TIMEOUT, `Query ${queryName} ran past its deadline.`, { cause, queryName });
  }
  if (/duplicated primary key|violates.*unique|already exists/i.test(message)) {
    return new GraphError(GraphErrorCode.CONSTRAINT_VIOLATION, `Query ${queryName}: ${message}`, { cause, queryName });
  }
  if (/conflict|cannot start a new write transaction/i.test(message)) {
    return new GraphError(GraphErrorCode.TRANSIENT, `Query ${queryName}: ${message}`, { cause, queryName });
  }
  return new GraphError(GraphErrorCode.QUERY_FAILED, `Query ${queryName} failed: ${message}`, { cause, queryName });
}
