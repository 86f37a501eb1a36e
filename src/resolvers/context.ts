import type { GraphQLError } from 'graphql';
import { type GraphAnalytics, analyticsFor } from '../analytics/graph-analytics';
import type { Credentials } from '../auth';
import { type Graph, type GraphQueries, createQueries } from '../graph';
import { DEFAULT_INGEST_MAX_BYTES, type Extractor } from '../ingest';
import { type BatchObserver, Loaders } from '../loaders';
import { type RequestBudget, requestPort } from './request-port';

/**
 * The context every resolver receives. Built fresh for each request by
 * `createContext`, so loaders and budgets never leak between requests.
 */
export interface ApiContext {
  /** The request's query layer: every graph query, counted and bounded by the deadline. */
  readonly queries: GraphQueries;
  readonly loaders: Loaders;
  /** The graph's analytics, cached across requests per graph version. */
  readonly analytics: GraphAnalytics;
  /** The request's query count and deadline. */
  readonly budget: RequestBudget;
  readonly credentials: Credentials;
  /** The request id (from `x-request-id` or generated), for logs. */
  readonly requestId: string;
  /** Errors reported on one field without throwing (see `listPageSize`); added to the response. */
  readonly fieldErrors: GraphQLError[];
  /** How `ingestReport` reads reports: the extractor (null: ingestion unavailable) and the size limit. */
  readonly ingest: IngestOptions;
}

/** What `ingestReport` needs from the server. */
export interface IngestOptions {
  readonly extractor: Extractor | null;
  /** Largest accepted report in UTF-8 bytes (`INGEST_MAX_BYTES`). */
  readonly maxBytes: number;
}

export interface ContextOptions {
  readonly graph: Graph;
  readonly credentials?: Credentials;
  /** Per-request deadline in ms; 0 or undefined for none. */
  readonly timeoutMs?: number;
  readonly onBatch?: BatchObserver;
  readonly requestId?: string;
  /** Report ingestion; without it `ingestReport` has no extractor and the default size limit. */
  readonly ingest?: Partial<IngestOptions>;
}

/**
 * Creates the context for one request. A graph that brings its own query
 * layer (`Graph.queryLayer`, as the benchmark's in-memory graph does) gets
 * it; any other graph gets the Cypher queries of its library.
 *
 * @example
 *   const ctx = createContext({ graph, credentials: { authorization, apiToken }, timeoutMs: 10_000 });
 */
export function createContext(options: ContextOptions): ApiContext {
  const timeoutMs = options.timeoutMs ?? 0;
  const budget: RequestBudget = {
    queries: 0,
    deadline: timeoutMs > 0 ? Date.now() + timeoutMs : Infinity,
  };
  const { graph } = options;
  const port = requestPort(graph.port, budget);
  const queries = graph.queryLayer ? graph.queryLayer(port) : createQueries(port, graph.cypher);
  return {
    queries,
    loaders: new Loaders(queries, options.onBatch),
    analytics: analyticsFor(graph),
    budget,
    credentials: options.credentials ?? { authorization: undefined, apiToken: undefined },
    requestId: options.requestId ?? '-',
    fieldErrors: [],
    ingest: {
      extractor: options.ingest?.extractor ?? null,
      maxBytes: options.ingest?.maxBytes ?? DEFAULT_INGEST_MAX_BYTES,
    },
  };
}
