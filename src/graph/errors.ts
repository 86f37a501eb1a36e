/**
 * Errors raised at the graph boundary. Each carries a stable `code` so the
 * layers above can map it (to a GraphQL error code, an HTTP status, an exit
 * code) without parsing messages.
 */
export const GraphErrorCode = {
  /** The engine cannot be reached (server down, wrong address). */
  UNAVAILABLE: 'GRAPH_UNAVAILABLE',
  /** The engine refused our credentials. */
  AUTH_FAILED: 'GRAPH_AUTH_FAILED',
  /** The embedded database path is held by another process. */
  LOCKED: 'GRAPH_LOCKED',
  /** The embedded database path cannot be created or opened. */
  PATH_UNUSABLE: 'GRAPH_PATH_UNUSABLE',
  /**
   * The embedded database cannot be opened (the engine fails or crashes on it)
   * and could not be rebuilt from its snapshots and journal.
   */
  DAMAGED: 'GRAPH_DAMAGED',
  /** The database's disk is below its free-space reserve: writes are refused before they start; safe to retry later. */
  INSUFFICIENT_STORAGE: 'GRAPH_INSUFFICIENT_STORAGE',
  /** The port was used after `close()`. */
  CLOSED: 'GRAPH_CLOSED',
  /** A query ran past its deadline. */
  TIMEOUT: 'GRAPH_TIMEOUT',
  /** A uniqueness constraint refused a write. */
  CONSTRAINT_VIOLATION: 'GRAPH_CONSTRAINT_VIOLATION',
  /** A conflicting concurrent write; safe to retry. */
  TRANSIENT: 'GRAPH_TRANSIENT',
  /** An integer left JavaScript's safe range; it is refused rather than rounded. */
  INTEGER_OUT_OF_RANGE: 'GRAPH_INTEGER_OUT_OF_RANGE',
  /** A named query or its engine variant is missing from `cypher/`. */
  QUERY_NOT_FOUND: 'GRAPH_QUERY_NOT_FOUND',
  /** The configuration names an engine the registry (`engines.ts`) does not know. */
  ENGINE_UNKNOWN: 'GRAPH_ENGINE_UNKNOWN',
  /** Any other failure of a query. */
  QUERY_FAILED: 'GRAPH_QUERY_FAILED',
} as const;
export type GraphErrorCode = (typeof GraphErrorCode)[keyof typeof GraphErrorCode];

export class GraphError extends Error {
  override readonly name = 'GraphError';

  constructor(
    readonly code: GraphErrorCode,
    message: string,
    options?: { cause?: unknown; queryName?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.queryName = options?.queryName;
  }

  readonly queryName: string | undefined;

  /** True when running the same work again may succeed. */
  get retryable(): boolean {
    return (
      this.code === GraphErrorCode.TRANSIENT ||
      this.code === GraphErrorCode.UNAVAILABLE ||
      this.code === GraphErrorCode.TIMEOUT ||
      this.code === GraphErrorCode.INSUFFICIENT_STORAGE
    );
  }
}

export function isGraphError(error: unknown): error is GraphError {
  return error instanceof GraphError;
}
