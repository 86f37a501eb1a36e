/**
 * `POST /cypher`: one read-only Cypher query with JSON parameters, for
 * analysts. Body `{"query": "...", "params": {...}}`; answers
 * `{columns, rows, truncated, elapsedMs}`, or CSV with `Accept: text/csv`.
 * Errors have the shape of the GraphQL endpoint's HTTP errors:
 * `{"errors": [{"message", "extensions": {"code"}}]}`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { runAnalystQuery } from '../analytics/analyst-query';
import { toCsv } from '../analytics/csv';
import { CypherRefusedError } from '../analytics/read-only-guard';
import type { Config } from '../config/config';
import { type Graph, GraphErrorCode, type Params, isGraphError } from '../graph';

export type CypherRouteConfig = Pick<
  Config,
  'apiToken' | 'analystToken' | 'cypher' | 'queryTimeoutMs' | 'bodyLimitBytes'
>;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

interface Failure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

function fail(
  res: Response,
  { status, code, message }: Failure,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** Null when the bearer token is one of `tokens`; otherwise why not. Compared as digests in constant time. */
function checkBearer(header: string | undefined, tokens: readonly string[]): Failure | null {
  if (!header?.trim()) {
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      message:
        'POST /cypher needs an "Authorization: Bearer <token>" header (ANALYST_TOKEN or API_TOKEN).',
    };
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match)
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'The Authorization header must have the form "Bearer <token>".',
    };
  const given = digest(match[1] as string);
  // Every token is compared, so the time taken does not say which one matched.
  const matched = tokens.map((t) => timingSafeEqual(given, digest(t))).some(Boolean);
  return matched
    ? null
    : {
        status: 403,
        code: 'FORBIDDEN',
        message: 'The bearer token is not valid for POST /cypher.',
      };
}

/**
 * At most `perMinute` requests per client address in any 60 seconds (a
 * sliding window). A fixed window on the wall-clock minute would let a client
 * send twice the limit across a minute's edge, and would reset a count in the
 * middle of a burst. Refused requests do not count.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}

  /** Seconds to wait when `client` is over its limit, else 0 (and the request is counted). */
  take(client: string, now = Date.now()): number {
    const since = now - 60_000;
    const times = (this.recent.get(client) ?? []).filter((t) => t > since);
    this.recent.set(client, times);
    if (times.length >= this.perMinute) return Math.max(1, Math.ceil((times[0] - since) / 1000));
    times.push(now);
    if (this.recent.size > MAX_TRACKED_CLIENTS) this.forgetIdle(since);
    return 0;
  }

  /** Drops clients with no request in the window, so the map stays bounded. */
  private forgetIdle(since: number): void {
    for (const [client, times] of this.recent)
      if (times.length === 0 || times[times.length - 1] <= since) this.recent.delete(client);
  }
}
/** Past this many client addresses, idle ones are forgotten on the next request. */
const MAX_TRACKED_CLIENTS = 10_000;

/** Reads `{query, params}` from the body, or says what is wrong with it. */
function readBody(body: unknown): { query: string; params: Params } | Failure {
  const bad = (message: string): Failure => ({ status: 400, code: 'BAD_REQUEST', message });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return bad(
      'The body must be a JSON object {"query": "...", "params": {...}} with Content-Type: application/json.',
    );
  }
  const { query, params = {} } = body as { query?: unknown; params?: unknown };
  if (typeof query !== 'string')
    return bad(
      `"query" must be a string of Cypher; got ${query === undefined ? 'nothing' : typeof query}.`,
    );
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return bad('"params" must be a JSON object of parameter values, e.g. {"id": "north-korea"}.');
  }
  return { query, params: params as Params };
}

/** The HTTP answer to a failed query: refusals and engine messages verbatim, never a stack. */
function failureOf(error: unknown, timeoutMs: number): Failure | undefined {
  if (error instanceof CypherRefusedError)
    return { status: 400, code: error.code, message: error.message };
  if (!isGraphError(error)) return undefined;
  switch (error.code) {
    case GraphErrorCode.TIMEOUT:
      return {
        status: 504,
        code: 'REQUEST_TIMEOUT',
        message: `The query ran past its ${timeoutMs} ms deadline and was stopped.`,
      };
    case GraphErrorCode.QUERY_FAILED:
    case GraphErrorCode.INTEGER_OUT_OF_RANGE:
      return { status: 400, code: 'CYPHER_QUERY_FAILED', message: error.message };
    case GraphErrorCode.UNAVAILABLE:
    case GraphErrorCode.CLOSED:
    case GraphErrorCode.TRANSIENT:
      return {
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The graph database is not available; retry later.',
      };
    default:
      return undefined;
  }
}

/**
 * The router for `POST /cypher`, or undefined when neither ANALYST_TOKEN nor
 * API_TOKEN is set (the endpoint is then off and answers 404 like any unknown path).
 */
export function createCypherRouter(
  config: CypherRouteConfig,
  graph: Graph,
  logger: Logger,
): Router | undefined {
  const tokens = [config.analystToken, config.apiToken].filter((t): t is string => Boolean(t));
  if (tokens.length === 0) return undefined;
  const limiter = new RateLimiter(config.cypher.ratePerMinute);
  const router = express.Router();
  router.post(
    '/cypher',
    express.json({ limit: config.bodyLimitBytes }),
    async (req: Request, res: Response) => {
      const denied = checkBearer(req.header('authorization'), tokens);
      if (denied) return fail(res, denied);
      const wait = limiter.take(req.ip ?? 'unknown');
      if (wait > 0) {
        res.setHeader('retry-after', String(wait));
        return fail(res, {
          status: 429,
          code: 'RATE_LIMITED',
          message: `More than ${config.cypher.ratePerMinute} queries a minute; retry in ${wait} s.`,
        });
      }
      const input = readBody(req.body);
      if ('status' in input) return fail(res, input);
      try {
        const result = await runAnalystQuery(graph, input, {
          timeoutMs: config.queryTimeoutMs,
          maxRows: config.cypher.maxRows,
        });
        logger.info(
          {
            reqId: res.locals.requestId,
            rows: result.rows.length,
            truncated: result.truncated,
            durationMs: result.elapsedMs,
          },
          'cypher query',
        );
        if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
          res.setHeader('x-truncated', String(result.truncated));
          res.type('text/csv').send(toCsv(result.columns, result.rows));
          return;
        }
        res.json(result);
      } catch (error) {
        const failure = failureOf(error, config.queryTimeoutMs);
        if (failure) return fail(res, failure);
        logger.error({ err: error, reqId: res.locals.requestId }, 'cypher query failed');
        return fail(res, {
          status: 500,
          code: 'INTERNAL_SERVER_ERROR',
          message: 'Internal server error.',
        });
      }
    },
  );
  return router;
}
