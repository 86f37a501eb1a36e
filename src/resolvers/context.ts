import type { GraphQLError } from 'graphql';
import type { Graph, GraphPort } from '../graph';
import { type BatchObserver, Loaders, type RequestBudget, requestPort } from '../loaders';

/** Who is calling, as far as writes are concerned. */
export interface Credentials {
  /** The raw `Authorization` header, if any. */
  readonly authorization: string | undefined;
  /** The configured API token; undefined when writes are disabled. */
  readonly apiToken: string | undefined;
}

/**
 * The context every resolver receives. Built fresh for each request by
 * `createContext`, so loaders and budgets never leak between requests.
 */
export interface ApiContext {
  /** The Cypher library of the configured engine. */
  readonly graph: Graph;
  /** The request's view of the graph port: counted and bounded by the deadline. */
  readonly port: GraphPort;
  readonly loaders: Loaders;
  /** The request's query count and deadline. */
  readonly budget: RequestBudget;
  readonly credentials: Credentials;
  /** Milliseconds a request may spend; used in timeout messages. */
  readonly timeoutMs: number;
  /** The request id (from `x-request-id` or generated), for logs. */
  readonly requestId: string;
  /** Errors reported on one field without throwing (see `listPageSize`); added to the response. */
  readonly fieldErrors: GraphQLError[];
}

export interface ContextOptions {
  readonly graph: Graph;
  readonly credentials?: Credentials;
  /** Per-request deadline in ms; 0 or undefined for none. */
  readonly timeoutMs?: number;
  readonly onBatch?: BatchObserver;
  readonly requestId?: string;
}

/**
 * Creates the context for one request.
 *
 * @example
 *   const ctx = createContext({ graph, credentials: { authorization, apiToken }, timeoutMs: 10_000 });
 */
export function createContext(options: ContextOptions): ApiContext {
  const timeoutMs = options.timeoutMs ?? 0;
  const budget: RequestBudget = { queries: 0, deadline: timeoutMs > 0 ? Date.now() + timeoutMs : Infinity };
  const port = requestPort(options.graph.port, budget);
  return {
    graph: options.graph,
    port,
    loaders: new Loaders(options.graph, port, options.onBatch),
    budget,
    credentials: options.credentials ?? { authorization: undefined, apiToken: undefined },
    timeoutMs,
    requestId: options.requestId ?? '-',
    fieldErrors: [],
  };
}
