/**
 * Test servers: the real HTTP server on a random port over a fresh in-memory
 * embedded graph (seeded by default). `stop()` shuts it down and closes the graph.
 */
import pino, { type Logger } from 'pino';
import type { Graph } from '../../src/graph';
import { type ServerConfig, startHttpServer } from '../../src/server/http-server';
import { openTestGraph } from './graph-helper';

export const TEST_TOKEN = 'test-token-0123456789abcdef';
/** The read-only token of `POST /cypher`; it must never grant writes. */
export const TEST_ANALYST_TOKEN = 'analyst-token-0123456789abcdef';

export interface TestServer {
  readonly url: string;
  readonly origin: string;
  readonly graph: Graph;
  /** POSTs a GraphQL operation as JSON; returns status, headers and parsed body. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<void>;
}

export const DEFAULT_TEST_CONFIG: ServerConfig = {
  port: 0,
  host: '127.0.0.1',
  production: false,
  introspection: true,
  playground: true,
  limits: { maxDepth: 8, maxAliases: 15, maxTokens: 2000, maxCost: 20000 },
  apiToken: TEST_TOKEN,
  corsOrigins: ['http://allowed.example'],
  queryTimeoutMs: 10_000,
  readyTimeoutMs: 2_000,
  bodyLimitBytes: 102_400,
  responseLimitBytes: 10_000_000,
  shutdownGraceMs: 5_000,
  analystToken: TEST_ANALYST_TOKEN,
  cypher: { maxRows: 5_000, ratePerMinute: 10_000 },
  responseCache: { enabled: true, maxBytes: 32 * 2 ** 20, redisUrl: undefined },
};

export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  options: { seed?: boolean; logger?: Logger } = {},
): Promise<TestServer> {
  const { graph } = await openTestGraph({ seed: options.seed ?? true });
  const server = await startHttpServer(
    { ...DEFAULT_TEST_CONFIG, ...overrides },
    graph,
    options.logger ?? pino({ level: 'silent' }),
  );
  const url = `http://127.0.0.1:${server.port}/graphql`;
  return {
    url,
    origin: `http://127.0.0.1:${server.port}`,
    graph,
    async post(query, variables = {}, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // leave the raw text
      }
      return { status: res.status, headers: res.headers, body };
    },
    stop: () => server.shutdown(),
  };
}
