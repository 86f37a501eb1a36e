import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Connection, Database, type PreparedStatement, type QueryResult } from '@ladybugdb/core';
import { GraphError, GraphErrorCode } from '../errors';
import type { CypherQuery, GraphPort, GraphTransaction, RunOptions } from '../port';
import { QueryStats } from '../query-stats';
import type { ParamValue, Params, Row } from '../values';
import { convertEmbeddedRows } from './embedded-values';
import { Journal, type JournalStatement, journalPath, readJournal } from './journal';
import { ReadWriteLock } from './read-write-lock';
import {
  type EngineSettings,
  type RebuildSummary,
  type Replayer,
  type ProbeResult,
  probeOpen,
  rebuildFromSnapshot,
} from './recovery';
import { type SnapshotInfo, listSnapshots, pruneSnapshots, writeSnapshot } from './snapshots';
import { freeBytes, storageShortage } from './storage-reserve';

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
  /** The engine's buffer pool, in bytes (default EMBEDDED_DEFAULTS.bufferPoolBytes). */
  readonly bufferPoolBytes?: number;
  /** The largest the database file may grow, in bytes; a power of 2 (default EMBEDDED_DEFAULTS.maxDbSizeBytes). */
  readonly maxDbSizeBytes?: number;
  /** Checkpoint once the WAL holds this many bytes (default EMBEDDED_CHECKPOINT_BYTES). */
  readonly checkpointBytes?: number;
  /**
   * Journal every committed write and keep snapshots (on-disk databases only;
   * default true). Off, a database that cannot be opened cannot be rebuilt.
   */
  readonly journal?: boolean;
  /** Refuse writes while less than this many bytes are free on the database's disk (default 64 MiB). */
  readonly storageReserveBytes?: number;
  /** Take a snapshot this often, in milliseconds; 0 = only on demand (default 1 hour). */
  readonly snapshotIntervalMs?: number;
  /** Snapshots to keep (default 3); the journal keeps what the oldest of them lacks. */
  readonly snapshotKeep?: number;
  /**
   * Open an existing database in a child process first (default true), so a
   * file that crashes the engine or exhausts memory fails there. Off only
   * for a file that was just probed (the rebuild's replay).
   */
  readonly probe?: boolean;
}

/**
 * Defaults sized for the 2-core, 24 GB machine this runs on, shared with
 * other services: LadybugDB's own default buffer pool is most of RAM, and a
 * damaged data file drove it to 24 GB in 60 s until the OOM killer ended it.
 * 512 MiB holds the M benchmark graph (104k nodes); the soak's RSS levels off
 * at about 550 MB. The maximum size bounds the engine's address-space
 * reservation (its default is 8 TiB of mmap) and must be a power of 2.
 */
export const EMBEDDED_DEFAULTS = {
  bufferPoolBytes: 512 * 2 ** 20,
  maxDbSizeBytes: 16 * 2 ** 30,
  storageReserveBytes: 64 * 2 ** 20,
  snapshotIntervalMs: 60 * 60 * 1000,
  snapshotKeep: 3,
} as const;

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

  async run(
    query: CypherQuery,
    params: Params,
    timeoutMs: number,
    maxRows = Infinity,
  ): Promise<Row[]> {
    this.connection.setQueryTimeout(timeoutMs);
    let statement = this.prepared.get(query.text);
    if (!statement) {
      statement = await this.connection.prepare(query.text);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      if (this.cache) this.prepared.set(query.text, statement);
    }
    const result = await this.connection.execute(
      statement,
      embeddedParams(query.text, params) as never,
    );
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

async function rowsOf(
  result: QueryResult | QueryResult[],
  maxRows = Infinity,
): Promise<Record<string, unknown>[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Record<string, unknown>[] = [];
  for (const r of results) {
    if (maxRows === Infinity) rows.push(...((await r.getAll()) as Record<string, unknown>[]));
    // Row by row, so that a capped read never fetches what it will not return.
    else
      while (rows.length < maxRows && r.hasNext())
        rows.push((await r.getNext()) as Record<string, unknown>);
    r.close();
  }
  return rows;
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
  /**
   * Reads share it; a write transaction holds it alone from BEGIN to COMMIT
   * (and the checkpoint COMMIT may trigger), so no scan runs while a write
   * changes the tables. See read-write-lock.ts for the crash this prevents.
   */
  private readonly lock = new ReadWriteLock();
  /** Analyst-written reads run one at a time on their own connection (see `readUntrusted`). */
  private readonly analyst: PooledConnection;
  private readonly analystLock = new ReadWriteLock(); // used exclusively: one analyst query at a time
  private nextReader = 0;
  private closed = false;
  private snapshotTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly database: Database,
    readers: Connection[],
    writer: Connection,
    analyst: Connection,
    private readonly options: EmbeddedOptions,
    private readonly journal: Journal | undefined,
  ) {
    this.readers = readers.map((c) => new PooledConnection(c));
    this.writer = new PooledConnection(writer);
    this.analyst = new PooledConnection(analyst, false);
  }

  /**
   * Opens (creating if needed) the database at `options.path`. With the
   * journal on, an existing database is first opened in a child process
   * (`probeOpen`); when that fails it is rebuilt from its last good snapshot
   * and the journal, and a database that cannot be rebuilt is refused with
   * GRAPH_DAMAGED and the way to recover, never opened into a crash.
   */
  static async open(options: EmbeddedOptions): Promise<EmbeddedGraph> {
    const dbPath = options.path;
    const onDisk = dbPath !== ':memory:';
    const journaled = onDisk && (options.journal ?? true);
    if (onDisk) {
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
    const settings = engineSettings(options);
    // Probe every existing database, journaled or not: a damaged file must fail in a child process.
    if (onDisk && existsSync(dbPath) && options.probe !== false)
      await openOrRebuild(dbPath, settings, options, journaled);
    let database: Database;
    try {
      // Arguments: path, buffer pool, compression, read-only, max size, auto-checkpoint,
      // checkpoint threshold in WAL bytes. See EMBEDDED_DEFAULTS and EMBEDDED_CHECKPOINT_BYTES.
      database = new Database(
        dbPath,
        settings.bufferPoolBytes,
        true,
        false,
        settings.maxDbSizeBytes,
        true,
        settings.checkpointBytes,
      );
      await database.init();
    } catch (cause) {
      throw translateOpenError(dbPath, cause);
    }
    const count = Math.max(1, options.readConnections ?? 4);
    const connections = Array.from({ length: count + 2 }, () => new Connection(database));
    await Promise.all(connections.map((c) => c.init()));
    const [writer, analyst, ...readers] = connections as [Connection, Connection, ...Connection[]];
    const journal = journaled ? Journal.open(journalPath(dbPath)) : undefined;
    const graph = new EmbeddedGraph(database, readers, writer, analyst, options, journal);
    if (journal) {
      writeFileSync(`${dbPath}.pid`, `${process.pid}\n`);
      // Without a snapshot the journal has no starting point: take one now (a full disk must not stop start-up).
      if (listSnapshots(dbPath).length === 0) {
        await graph
          .snapshot()
          .catch((error: unknown) =>
            process.stderr.write(
              `The first snapshot of ${dbPath} failed: ${(error as Error).message}\n`,
            ),
          );
      }
      const every = options.snapshotIntervalMs ?? EMBEDDED_DEFAULTS.snapshotIntervalMs;
      if (every > 0) {
        graph.snapshotTimer = setInterval(() => {
          graph
            .snapshot()
            .catch((error: unknown) =>
              process.stderr.write(
                `Scheduled snapshot of ${dbPath} failed: ${(error as Error).message}\n`,
              ),
            );
        }, every);
        graph.snapshotTimer.unref();
      }
    }
    return graph;
  }

  async read(query: CypherQuery, params: Params = {}, options?: RunOptions): Promise<Row[]> {
    this.assertOpen();
    if (options?.untrusted) return this.readUntrusted(query, params, options);
    const reader = this.readers[this.nextReader++ % this.readers.length] as PooledConnection;
    return this.lock.read(() =>
      this.timed(query, () => reader.run(query, params, this.timeoutOf(options), options?.maxRows)),
    );
  }

  /**
   * A person's query, in a transaction LadybugDB keeps read-only ("Can not
   * execute a write query inside a read-only transaction"). It has its own
   * connection, so that no library read ever runs inside it, and it shares
   * the readers' side of the lock like any other read.
   */
  private readUntrusted(query: CypherQuery, params: Params, options: RunOptions): Promise<Row[]> {
    const timeoutMs = this.timeoutOf(options);
    return this.analystLock.write(() =>
      this.lock.read(async () => {
        this.assertOpen();
        await this.analyst.exec('BEGIN TRANSACTION READ ONLY');
        try {
          return await this.timed(query, () =>
            this.analyst.run(query, params, timeoutMs, options.maxRows),
          );
        } finally {
          await this.analyst.exec('ROLLBACK').catch(() => undefined);
        }
      }),
    );
  }

  async write(query: CypherQuery, params: Params = {}, options?: RunOptions): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(query, params), options);
  }

  /**
   * One write transaction, alone on the engine. Before its first data
   * statement the free-space reserve is checked (GRAPH_INSUFFICIENT_STORAGE,
   * nothing written); before COMMIT its statements are journaled and flushed,
   * so a write is acknowledged only once it can be replayed. Schema
   * statements (`schema/*`, idempotent DDL) are neither checked nor journaled:
   * every open applies them, so a server on a full disk still starts.
   */
  async writeTransaction<T>(
    work: (tx: GraphTransaction) => Promise<T>,
    options?: RunOptions,
  ): Promise<T> {
    this.assertOpen();
    const timeoutMs = this.timeoutOf(options);
    return this.lock.write(async () => {
      this.assertOpen();
      const statements: JournalStatement[] = [];
      await this.writer.exec('BEGIN TRANSACTION');
      const tx: GraphTransaction = {
        run: (query, params = {}) => {
          if (!query.name.startsWith('schema/')) {
            if (statements.length === 0) this.assertStorage();
            statements.push({ name: query.name, text: query.text, params });
          }
          return this.timed(query, () => this.writer.run(query, params, timeoutMs));
        },
      };
      try {
        const result = await work(tx);
        const seq = statements.length > 0 ? this.journalAppend(statements) : undefined;
        try {
          await this.writer.exec('COMMIT');
        } catch (cause) {
          if (seq !== undefined) this.journal?.abort(seq);
          throw translateQueryError({ name: 'COMMIT', text: 'COMMIT' }, cause);
        }
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
    await this.lock.write(() => this.timed(query, () => this.writer.exec(query.text)));
  }

  /** Why writes are refused now (the disk is below its reserve), or undefined while they are accepted. */
  writeRefusal(): string | undefined {
    if (this.options.path === ':memory:') return undefined;
    return storageShortage(
      this.options.path,
      this.options.storageReserveBytes ?? EMBEDDED_DEFAULTS.storageReserveBytes,
    );
  }

  /**
   * Takes a consistent snapshot now: with the engine otherwise idle, a
   * CHECKPOINT folds the WAL into the data file, which is then copied with
   * the journal position it contains. Old snapshots beyond `snapshotKeep` are
   * deleted, and the journal entries every kept snapshot contains with them.
   */
  async snapshot(): Promise<SnapshotInfo> {
    this.assertOpen();
    const journal = this.journal;
    if (!journal) {
      throw new GraphError(
        GraphErrorCode.QUERY_FAILED,
        `Snapshots need an on-disk database with the journal on (EMBEDDED_JOURNAL); ${this.options.path} has none.`,
      );
    }
    const dbPath = this.options.path;
    return this.lock.write(async () => {
      this.assertOpen();
      // A snapshot needs about one more copy of the database, and must not eat the write reserve.
      const needed =
        statSync(dbPath).size +
        (this.options.storageReserveBytes ?? EMBEDDED_DEFAULTS.storageReserveBytes);
      if (freeBytes(dbPath) < needed) {
        throw new GraphError(
          GraphErrorCode.INSUFFICIENT_STORAGE,
          `Cannot snapshot ${dbPath}: it needs ${Math.ceil(needed / 2 ** 20)} MB free on its disk and ${Math.floor(freeBytes(dbPath) / 2 ** 20)} MB are. Free some space and retry.`,
        );
      }
      await this.writer.exec('CHECKPOINT');
      const info = await writeSnapshot(dbPath, journal.position);
      const kept = pruneSnapshots(
        dbPath,
        Math.max(1, this.options.snapshotKeep ?? EMBEDDED_DEFAULTS.snapshotKeep),
      );
      journal.compact(Math.min(...kept.map((k) => k.seq)));
      return info;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.snapshotTimer);
    // Wait for the queries in flight, then release connections before the database.
    await this.lock.write(async () => undefined);
    await this.analystLock.write(async () => undefined);
    for (const c of [this.writer, this.analyst, ...this.readers])
      await c.connection.close().catch(() => undefined);
    await this.database.close();
    if (this.journal) {
      this.journal.close();
      rmSync(`${this.options.path}.pid`, { force: true });
    }
  }

  private journalAppend(statements: readonly JournalStatement[]): number | undefined {
    if (!this.journal) return undefined;
    try {
      return this.journal.append(statements);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new GraphError(
        code === 'ENOSPC' || code === 'EDQUOT'
          ? GraphErrorCode.INSUFFICIENT_STORAGE
          : GraphErrorCode.QUERY_FAILED,
        `The write was not applied: its journal entry could not be written to ${this.journal.file} (${(cause as Error).message}).`,
        { cause },
      );
    }
  }

  private assertStorage(): void {
    const refusal = this.writeRefusal();
    if (refusal)
      throw new GraphError(GraphErrorCode.INSUFFICIENT_STORAGE, `Writes are refused: ${refusal}`);
  }

  private timeoutOf(options?: RunOptions): number {
    return Math.max(1, Math.round(options?.timeoutMs ?? this.options.queryTimeoutMs ?? 30_000));
  }

  private assertOpen(): void {
    if (this.closed)
      throw new GraphError(GraphErrorCode.CLOSED, 'The embedded graph database is closed.');
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

/** Opens a database for journal replay: same engine settings, no journal of its own, no probe. */
function replayerFor(options: EmbeddedOptions): (file: string) => Promise<Replayer> {
  return async (file) => {
    const graph = await EmbeddedGraph.open({
      ...options,
      path: file,
      journal: false,
      probe: false,
    });
    return {
      applySchema: async (statements) => {
        for (const statement of statements) await graph.write(statement);
      },
      replay: (entry) =>
        graph.writeTransaction(async (tx) => {
          for (const statement of entry.statements) await tx.run(statement, statement.params);
        }),
      close: () => graph.close(),
    };
  };
}

/**
 * `npm run restore`: rebuilds the (stopped) database at `options.path` from a
 * snapshot (the newest intact one, or `snapshotFile`) plus the journal after
 * it, and moves the files it replaces aside.
 */
export async function restoreEmbedded(
  options: EmbeddedOptions,
  snapshotFile?: string,
): Promise<RebuildSummary> {
  return rebuildFromSnapshot(options.path, engineSettings(options), replayerFor(options), {
    reason: 'replaced',
    only: snapshotFile,
  });
}

/** The pid in a pid file when that process is alive. */
export function livePid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // left behind by a killed server
  }
}

function engineSettings(options: EmbeddedOptions): EngineSettings {
  return {
    bufferPoolBytes: options.bufferPoolBytes ?? EMBEDDED_DEFAULTS.bufferPoolBytes,
    maxDbSizeBytes: options.maxDbSizeBytes ?? EMBEDDED_DEFAULTS.maxDbSizeBytes,
    checkpointBytes: options.checkpointBytes ?? EMBEDDED_CHECKPOINT_BYTES,
  };
}

/**
 * Probes an existing database and, when it does not open, rebuilds it from
 * its snapshots and journal (one line on stderr says so). Throws GRAPH_DAMAGED
 * with the recovery path when it cannot be rebuilt.
 */
async function openOrRebuild(
  dbPath: string,
  settings: EngineSettings,
  options: EmbeddedOptions,
  journaled: boolean,
): Promise<void> {
  const opened = await probeOpen(dbPath, settings);
  const probe = opened.ok ? silentlyEmpty(dbPath, opened.nodes, journaled) : opened;
  if (probe.ok) return;
  if (/could not set lock|locked/i.test(probe.reason))
    throw translateOpenError(dbPath, new Error(probe.reason));
  // Never rebuild under a live server: its pid file names it even when the probe failed for another reason.
  const holder = livePid(`${dbPath}.pid`);
  if (holder !== undefined && holder !== process.pid) {
    throw translateOpenError(
      dbPath,
      new Error(`locked: process ${holder} has it open (${probe.reason})`),
    );
  }
  if (!journaled) {
    throw new GraphError(
      GraphErrorCode.DAMAGED,
      `The embedded database at ${dbPath} cannot be opened: ${probe.reason}. It keeps no journal (EMBEDDED_JOURNAL=false), ` +
        `so it cannot be rebuilt: restore a copy of ${dbPath}, or move ${dbPath}* aside to start with an empty graph.`,
    );
  }
  try {
    const summary = await rebuildFromSnapshot(dbPath, settings, replayerFor(options), {
      reason: 'damaged',
    });
    process.stderr.write(
      `The embedded database at ${dbPath} could not be opened (${probe.reason}); rebuilt it from snapshot ` +
        `${path.basename(summary.snapshot.file)} (${summary.snapshot.at}) plus ${summary.replayed} journal entries` +
        `${summary.failed.length > 0 ? ` (${summary.failed.length} failed to replay: ${summary.failed.map((f) => `#${f.seq} ${f.reason}`).join('; ')})` : ''}` +
        `; the damaged files are in ${summary.movedTo}.\n`,
    );
  } catch (error) {
    throw new GraphError(
      GraphErrorCode.DAMAGED,
      `The embedded database at ${dbPath} cannot be opened: ${probe.reason}. It could not be rebuilt either: ${(error as Error).message}. ` +
        `To recover, restore an older snapshot with \`npm run restore -- --snapshot <file>\` (see docs/reliability.md), ` +
        `or move ${dbPath}* aside to start with an empty graph.`,
      { cause: error },
    );
  }
}

/**
 * Zeroed pages can leave a data file that opens and reads as an empty graph:
 * every table there, every row gone, no error. A database with no node whose
 * journal or snapshots hold acknowledged writes is treated as damaged, so it is
 * rebuilt rather than served empty. (A graph emptied on purpose is rebuilt to
 * the same empty state by replaying its deletes.)
 */
function silentlyEmpty(dbPath: string, nodes: number, journaled: boolean): ProbeResult {
  if (nodes > 0 || !journaled) return { ok: true, nodes };
  const entries = readJournal(journalPath(dbPath)).length;
  const snapshotted = listSnapshots(dbPath).some((s) => s.seq > 0);
  if (entries === 0 && !snapshotted) return { ok: true, nodes };
  return {
    ok: false,
    reason: `it opened with no node at all, although its journal and snapshots hold acknowledged writes (${entries} journal entries)`,
  };
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
    return new GraphError(GraphErrorCode.TIMEOUT, `Query ${queryName} ran past its deadline.`, {
      cause,
      queryName,
    });
  }
  if (/duplicated primary key|violates.*unique|already exists/i.test(message)) {
    return new GraphError(GraphErrorCode.CONSTRAINT_VIOLATION, `Query ${queryName}: ${message}`, {
      cause,
      queryName,
    });
  }
  if (/no space left|ENOSPC|disk is full|disk quota/i.test(message)) {
    return new GraphError(
      GraphErrorCode.INSUFFICIENT_STORAGE,
      `Query ${queryName}: the disk is full (${message}).`,
      { cause, queryName },
    );
  }
  if (/conflict|cannot start a new write transaction/i.test(message)) {
    return new GraphError(GraphErrorCode.TRANSIENT, `Query ${queryName}: ${message}`, {
      cause,
      queryName,
    });
  }
  return new GraphError(GraphErrorCode.QUERY_FAILED, `Query ${queryName} failed: ${message}`, {
    cause,
    queryName,
  });
}
