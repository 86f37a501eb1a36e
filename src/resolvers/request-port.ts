import type { CypherQuery, GraphTransaction, Params, QueryPort, RunOptions, Row } from '../graph';
import { GraphError, GraphErrorCode } from '../graph';

/** What one request has cost the graph so far. */
export interface RequestBudget {
  /** Graph queries issued by this request. Tests and logs read it. */
  queries: number;
  /** Epoch ms after which graph work is refused; Infinity for none. */
  readonly deadline: number;
}

/**
 * A view of the shared port for one request: counts the request's queries and
 * gives each one only the time left before the request's deadline. It has no
 * `close`: a request never closes the shared graph.
 */
export function requestPort(port: QueryPort, budget: RequestBudget): QueryPort {
  const options = (given?: RunOptions): RunOptions | undefined => {
    if (budget.deadline === Infinity) return given;
    const left = budget.deadline - Date.now();
    if (left <= 0)
      throw new GraphError(
        GraphErrorCode.TIMEOUT,
        'The request deadline passed before this query ran.',
      );
    return { timeoutMs: Math.min(left, given?.timeoutMs ?? Infinity) };
  };
  const count = (): void => {
    budget.queries += 1;
  };
  return {
    engine: port.engine,
    read(query: CypherQuery, params?: Params, given?: RunOptions): Promise<Row[]> {
      const opts = options(given);
      count();
      return port.read(query, params, opts);
    },
    writeTransaction<T>(
      work: (tx: GraphTransaction) => Promise<T>,
      given?: RunOptions,
    ): Promise<T> {
      const opts = options(given);
      return port.writeTransaction(
        (tx) =>
          work({
            run: (query, params) => {
              count();
              return tx.run(query, params);
            },
          }),
        opts,
      );
    },
  };
}
