/**
 * HTTP load with autocannon against (1) the real server (`startHttpServer`)
 * on the embedded graph, (2) the same real server on the in-memory port, and
 * (3) a bare Apollo standalone server (no Express, no limits, no metrics) on
 * the in-memory port: the ceiling. Every response body is checked for
 * `"errors"`; non-2xx statuses are counted separately.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import pino, { type Logger } from 'pino';
import type { Graph, GraphPort } from '../src/graph';
import { type ApiContext, createContext, resolvers } from '../src/resolvers';
import { loadTypeDefs } from '../src/schema/load-schema';
import { type ServerConfig, startHttpServer } from '../src/server/http-server';
import { BENCH_TOKEN, peakRssMb } from './measure';
import { LOOKUP_ONE, NESTED_QUERY } from './scenarios';
import type { ScenarioIds } from './synthetic-graph';

/** DEFAULT_TEST_CONFIG of test/helpers/server-helper.ts, in production mode. */
export const BENCH_SERVER_CONFIG: ServerConfig = {
  port: 0,
  host: '127.0.0.1',
  production: true,
  introspection: false,
  playground: false,
  limits: { maxDepth: 8, maxAliases: 15, maxTokens: 2000, maxCost: 20000 },
  apiToken: BENCH_TOKEN,
  corsOrigins: [],
  queryTimeoutMs: 10_000,
  readyTimeoutMs: 2_000,
  bodyLimitBytes: 102_400,
  responseLimitBytes: 10_000_000,
  shutdownGraceMs: 5_000,
  analystToken: undefined,
  cypher: { maxRows: 5_000, ratePerMinute: 1_000_000 },
  // Off: these figures measure the path to the graph; bench/http-path.ts measures the cache.
  responseCache: { enabled: false, maxBytes: 32 * 2 ** 20, redisUrl: undefined },
};

export interface LoadResult {
  readonly scale: string;
  readonly target: string;
  readonly query: string;
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly non2xx: number;
  /** 2xx responses whose body carries `errors`. */
  readonly bodyErrors: number;
  /** Socket errors, client timeouts included (autocannon counts a timeout as an error too). */
  readonly socketErrors: number;
  /** Requests with no response within autocannon's 10 s timeout. */
  readonly timeouts: number;
  readonly peakRssMb: number;
}

export interface Target {
  readonly name: string;
  readonly url: string;
  stop(): Promise<void>;
}

/** A view of a port whose `close` does nothing: the server's shutdown must not close the shared graph. */
export function unclosable(graph: Graph): Graph {
  const port = graph.port;
  const view: GraphPort = {
    engine: port.engine,
    stats: port.stats,
    read: (q, p, o) => port.read(q, p, o),
    write: (q, p, o) => port.write(q, p, o),
    writeTransaction: (w, o) => port.writeTransaction(w, o),
    close: async () => undefined,
  };
  return { port: view, cypher: graph.cypher, queryLayer: graph.queryLayer };
}

export async function realServer(
  name: string,
  graph: Graph,
  overrides: Partial<ServerConfig> = {},
  options: { logger?: Logger; start?: typeof startHttpServer } = {},
): Promise<Target> {
  const start = options.start ?? startHttpServer;
  const server = await start(
    { ...BENCH_SERVER_CONFIG, ...overrides },
    unclosable(graph),
    options.logger ?? pino({ level: 'silent' }),
  );
  return { name, url: `http://127.0.0.1:${server.port}/graphql`, stop: () => server.shutdown() };
}

export async function bareApollo(name: string, graph: Graph): Promise<Target> {
  const server = new ApolloServer<ApiContext>({ typeDefs: loadTypeDefs(), resolvers });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => createContext({ graph }),
  });
  return { name, url, stop: () => server.stop() };
}

export async function load(
  scale: string,
  target: Target,
  queryName: string,
  connections: number,
  seconds: number,
  ids: ScenarioIds,
): Promise<LoadResult> {
  let next = 0;
  const body = (): string =>
    queryName === 'lookup'
      ? JSON.stringify({
          query: LOOKUP_ONE,
          variables: { id: ids.persons[next++ % ids.persons.length] },
        })
      : JSON.stringify({ query: NESTED_QUERY, variables: { n: 10 } });
  return loadTarget(scale, target, queryName, connections, seconds, body);
}

/** autocannon against one target; `body` makes each request's JSON body (called once per request); `headers` are added to every request. */
export async function loadTarget(
  scale: string,
  target: Target,
  queryName: string,
  connections: number,
  seconds: number,
  body: () => string,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  let bodyErrors = 0;
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }),
      },
    ],
    verifyBody: (text: string) => {
      const ok = !text.includes('"errors"');
      if (!ok) bodyErrors += 1;
      return ok;
    },
  });
  return {
    scale,
    target: target.name,
    query: queryName,
    connections,
    seconds,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    bodyErrors: Math.max(bodyErrors, result.mismatches),
    socketErrors: result.errors,
    timeouts: result.timeouts,
    peakRssMb: peakRssMb(),
  };
}

export interface LoadPlan {
  readonly scale: string;
  readonly seconds: number;
  readonly connections: readonly number[];
  readonly queries: readonly string[];
}

export async function httpLoad(
  plan: LoadPlan,
  embedded: Graph,
  memory: Graph,
  ids: ScenarioIds,
  log: (line: string) => void,
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const targets: Array<() => Promise<Target>> = [
    () => realServer('real server, embedded', embedded),
    () => realServer('real server, in-memory port', memory),
    () => bareApollo('bare Apollo, in-memory port', memory),
  ];
  for (const make of targets) {
    const target = await make();
    try {
      for (const query of plan.queries) {
        for (const connections of plan.connections) {
          const r = await load(plan.scale, target, query, connections, plan.seconds, ids);
          log(
            `  http ${target.name} ${query} c=${connections}: ${r.reqPerSec} req/s p50 ${r.p50} ms p99 ${r.p99} ms non2xx ${r.non2xx} bodyErrors ${r.bodyErrors}`,
          );
          results.push(r);
        }
      }
    } finally {
      await target.stop();
    }
  }
  return results;
}
