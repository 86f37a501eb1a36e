import { type Graph, type Params, type Row } from '../graph';
import { assertReadOnly } from './read-only-guard';

/** What an analyst sends: one Cypher statement and its parameters. */
export interface AnalystQuery {
  readonly query: string;
  readonly params: Params;
}

export interface AnalystLimits {
  /** The query's deadline; the engine stops it after this many milliseconds. */
  readonly timeoutMs: number;
  /** Rows returned at most; `truncated` says when there were more. */
  readonly maxRows: number;
}

/** Rows as the port returns them: nodes and relationships are plain objects. */
export interface AnalystResult {
  readonly columns: string[];
  readonly rows: Row[];
  /** True when the query had more rows than `maxRows` and the rest were cut. */
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

/** The name analyst queries carry in metrics and error messages. */
export const ANALYST_QUERY_NAME = 'analyst/query';

/**
 * Runs one analyst-written query, read-only in two layers: the parser guard
 * refuses anything that is not one read-only statement (`CypherRefusedError`),
 * then the engine runs it in a read-only transaction (`untrusted`). Engine
 * failures come back as `GraphError`s carrying the engine's message.
 */
export async function runAnalystQuery(
  graph: Graph,
  input: AnalystQuery,
  limits: AnalystLimits,
): Promise<AnalystResult> {
  assertReadOnly(input.query);
  const started = performance.now();
  // One row more than the cap tells whether the cap cut anything.
  const rows = await graph.port.read(
    { name: ANALYST_QUERY_NAME, text: input.query },
    input.params,
    {
      timeoutMs: limits.timeoutMs,
      maxRows: limits.maxRows + 1,
      untrusted: true,
    },
  );
  const truncated = rows.length > limits.maxRows;
  const kept = truncated ? rows.slice(0, limits.maxRows) : rows;
  return {
    columns: columnsOf(kept),
    rows: kept,
    truncated,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** Column names in RETURN order, as the engines give them in each row. */
export function columnsOf(rows: readonly Row[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r)))];
}
