import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { GraphError, GraphErrorCode } from '../errors';
import type { CypherQuery, GraphPort, GraphTransaction, RunOptions } from '../port';
import { QueryStats } from '../query-stats';
import type { Params, Row } from '../values';
import { convertNeo4jRecords, toNeo4jParams } from './neo4j-values';

export interface Neo4jOptions {
  /** `bolt://`, `bolt+s://`, `neo4j://` (cluster routing) or `neo4j+s://`. */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Always passed to every session, so a cluster never guesses the home database. */
  readonly database: string;
  /** Transaction timeout enforced by the server. */
  readonly queryTimeoutMs?: number;
  readonly maxConnectionPoolSize?: number;
}

export const NEO4J_URI_PATTERN = /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s/]+/;

/**
 * The production engine. Reads go through `executeRead` (routed to
 * secondaries in a cluster) and writes through `executeWrite`; the driver
 * retries transient failures of these managed transactions.
 */
export class Neo4jGraph implements GraphPort {
  readonly engine = 'neo4j' as const;
  readonly stats = new QueryStats();
  private closed = false;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly defaultTimeoutMs: number,
  ) {}

  /** Connects and verifies connectivity and credentials before returning. */
  static async open(options: Neo4jOptions): Promise<Neo4jGraph> {
    if (!NEO4J_URI_PATTERN.test(options.uri)) {
      throw new GraphError(
        GraphErrorCode.UNAVAILABLE,
        `NEO4J_URI "${options.uri}" is not a Neo4j URI; expected bolt://, bolt+s://, neo4j:// or neo4j+s://host:port.`,
      );
    }
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 15_000,
      userAgent: 'kg-graphql',
    });
    try {
      await driver.verifyConnectivity({ database: options.database });
      await driver.verifyAuthentication({ database: options.database });
    } catch (cause) {
      await driver.close().catch(() => undefined);
      throw translateNeo4jError(cause, 'connect', options.uri);
    }
    return new Neo4jGraph(driver, options.database, options.queryTimeoutMs ?? 30_000);
  }

  read(query: CypherQuery, params: Params = {}, options?: RunOptions): Promise<Row[]> {
    // executeRead in a READ-mode session: the server refuses any write in it, which is
    // what keeps `untrusted` (analyst-written) reads read-only on this engine.
    return this.session('READ', options, (tx) => this.run(tx, query, params, options?.maxRows));
  }

  write(query: CypherQuery, params: Params = {}, options?: RunOptions): Promise<Row[]> {
    return this.session('WRITE', options, (tx) => this.run(tx, query, params));
  }

  writeTransaction<T>(
    work: (tx: GraphTransaction) => Promise<T>,
    options?: RunOptions,
  ): Promise<T> {
    return this.session('WRITE', options, (tx) =>
      work({ run: (query, params = {}) => this.run(tx, query, params) }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private async session<T>(
    mode: 'READ' | 'WRITE',
    options: RunOptions | undefined,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    if (this.closed) throw new GraphError(GraphErrorCode.CLOSED, 'The Neo4j driver is closed.');
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = {
      timeout: Math.max(1, Math.round(options?.timeoutMs ?? this.defaultTimeoutMs)),
    };
    try {
      if (mode === 'READ') return await session.executeRead(work, config);
      const result = await session.executeWrite(work, config);
      this.stats.recordCommit();
      return result;
    } finally {
      await session.close();
    }
  }

  private async run(
    tx: ManagedTransaction,
    query: CypherQuery,
    params: Params,
    maxRows = Infinity,
  ): Promise<Row[]> {
    const started = performance.now();
    let failed = false;
    try {
      const result = await tx.run(query.text, toNeo4jParams(params));
      return convertNeo4jRecords(
        maxRows === Infinity ? result.records : result.records.slice(0, maxRows),
      );
    } catch (cause) {
      failed = true;
      // Transient errors must reach the driver untouched so that it retries them.
      if (cause instanceof Neo4jError && cause.retriable) throw cause;
      throw translateNeo4jError(cause, query.name);
    } finally {
      this.stats.record(query.name, performance.now() - started, failed);
    }
  }
}

/** Translates driver errors at the boundary into coded GraphErrors. */
export function translateNeo4jError(cause: unknown, queryName: string, uri?: string): GraphError {
  if (cause instanceof GraphError) return cause;
  const code = cause instanceof Neo4jError ? cause.code : '';
  const message = cause instanceof Error ? cause.message : String(cause);
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code.startsWith('Neo.ClientError.Security.Authentication')
  ) {
    return new GraphError(
      GraphErrorCode.AUTH_FAILED,
      `Neo4j refused the credentials (check NEO4J_USER and NEO4J_PASSWORD): ${message}`,
      { cause, queryName },
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    const where = uri ? ` at ${uri}` : '';
    return new GraphError(
      GraphErrorCode.UNAVAILABLE,
      `Neo4j is not reachable${where}: ${message}`,
      { cause, queryName },
    );
  }
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code.includes('TransactionTimedOut')
  ) {
    return new GraphError(GraphErrorCode.TIMEOUT, `Query ${queryName} ran past its deadline.`, {
      cause,
      queryName,
    });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphError(GraphErrorCode.CONSTRAINT_VIOLATION, `Query ${queryName}: ${message}`, {
      cause,
      queryName,
    });
  }
  if (cause instanceof Neo4jError && cause.retriable) {
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
