/**
 * The GraphQL API in-process: a fresh in-memory embedded graph (seeded by
 * default) behind a started Apollo server, with the limits production uses.
 * Each `run` builds a fresh request context, so loaders and query counts never
 * leak between operations; `queries` is the number of graph queries the
 * operation issued.
 */
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Graph } from '../../src/graph';
import { type ApiContext, type ContextOptions, createContext } from '../../src/resolvers';
import { createApolloServer } from '../../src/server/apollo-server';
import { openTestGraph } from './graph-helper';

/** The API token the in-process server accepts for mutations. */
export const TOKEN = 'api-helper-token-0123456789';

export interface RunOptions {
  /** Sent as `Authorization: Bearer <token>`; no header when omitted. */
  readonly token?: string;
  /** The token the server is configured with; defaults to `TOKEN`. Pass `null` for a server without one. */
  readonly apiToken?: string | null;
}

export interface RunResult<D = any> {
  readonly data: D | null | undefined;
  readonly errors: readonly GraphQLFormattedError[] | undefined;
  /** Graph queries issued by the operation (`ctx.budget.queries`). */
  readonly queries: number;
}

export interface Api {
  readonly graph: Graph;
  readonly server: ApolloServer<ApiContext>;
  run<D = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RunOptions,
  ): Promise<RunResult<D>>;
  /** Runs an operation that must succeed (no errors) and returns its data. */
  read(query: string, variables?: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

export const TEST_LIMITS = { maxDepth: 8, maxAliases: 15, maxTokens: 2000, maxCost: 20000 };

/** What a test may add to every request's context: the extractor `ingestReport` uses, its size limit. */
export type ApiExtras = Pick<ContextOptions, 'ingest'>;

/** Wraps an already open graph; `close()` stops the server and calls `closeGraph`. */
export async function apiOver(
  graph: Graph,
  closeGraph: () => Promise<void>,
  extras: ApiExtras = {},
): Promise<Api> {
  const server = createApolloServer({
    production: false,
    introspection: true,
    limits: TEST_LIMITS,
  });
  await server.start();
  let closed = false;
  const api: Api = {
    graph,
    server,
    async read(query, variables) {
      const result = await api.run(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data;
    },
    async run(query, variables, options = {}) {
      const contextValue = createContext({
        ...extras,
        graph,
        credentials: {
          authorization: options.token !== undefined ? `Bearer ${options.token}` : undefined,
          apiToken: options.apiToken === null ? undefined : (options.apiToken ?? TOKEN),
        },
      });
      const response = await server.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single')
        throw new Error('Incremental delivery is not expected in these tests.');
      const { data, errors } = response.body.singleResult;
      return { data: data as any, errors, queries: contextValue.budget.queries };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await server.stop();
      } finally {
        await closeGraph();
      }
    },
  };
  return api;
}

/** Opens the API over a fresh in-memory graph; seeded with the article unless `seed: false`. */
export async function openApi(options: { seed?: boolean } & ApiExtras = {}): Promise<Api> {
  const { graph, close } = await openTestGraph({ seed: options.seed ?? true });
  try {
    return await apiOver(graph, close, { ingest: options.ingest });
  } catch (error) {
    await close();
    throw error;
  }
}

/** The error codes of a result, in order. */
export function codesOf(result: RunResult): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

/** The one error of a result; fails when there is not exactly one. */
export function onlyError(result: RunResult): GraphQLFormattedError {
  if (!result.errors || result.errors.length !== 1) {
    throw new Error(`Expected exactly one error, got ${JSON.stringify(result.errors ?? [])}`);
  }
  return result.errors[0] as GraphQLFormattedError;
}
