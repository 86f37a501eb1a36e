import type { CypherQuery, GraphPort, GraphTransaction, Params, RunOptions, Row } from '../graph';
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
 * gives each one only the time left before the request's deadline.
 */
export function requestPort(port: GraphPort, budget: RequestBudget): GraphPort {
  const options = (given?: RunOptions): RunOptions | undefined => {
    if (budget.deadline === Infinity) return given;
    const left = budget.deadline - Date.now();
    if (left <= 0) throw new GraphError(GraphErrorCode.TIMEOUT, 'The request deadline passed before this query ran.');
    return { timeoutMs: Math.min(left, given?.timeoutMs ?? Infinity) };
  };
  const count = (): void => {
    budget.queries += 1;
  };
  return {
    engine: port.engine,
    stats: port.stats,
    read(query: CypherQuery, params?: Params, given?: RunOptions): Promise<Row[]> {
      const opts = options(given);
      count();
      return port.read(query, params, opts);
    },
    write(query: CypherQuery, params?: Params, given?: RunOptions): Promise<Row[]> {
      const opts = options(given);
      count();
      return port.write(query, params, opts);
    },
    writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>, given?: RunOptions): Promise<T> {
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
    close: () => port.close(),
  };
}
