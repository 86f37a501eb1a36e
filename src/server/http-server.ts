import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { type Graph, pingGraph } from '../graph';
import { defaultExtractor } from '../ingest';
import { createContext } from '../resolvers';
import { createApolloServer } from './apollo-server';
import { createCypherRouter } from './cypher-route';
import { Metrics } from './metrics';
import { corsOptions } from './cors-options';
import { playgroundRouter } from './playground';
import { createResponseCache } from './response-cache';
import possibleTypes from '../generated/possible-types.json';
import { runInRequest } from './request-context';

/** The built explorer page (see `web/`), served at /explorer when present. */
export const EXPLORER_DIR = path.resolve(__dirname, '../../web/dist');

export type ServerConfig = Pick<
  Config,
  | 'port'
  | 'host'
  | 'production'
  | 'introspection'
  | 'playground'
  | 'limits'
  | 'apiToken'
  | 'corsOrigins'
  | 'queryTimeoutMs'
  | 'readyTimeoutMs'
  | 'bodyLimitBytes'
  | 'shutdownGraceMs'
  | 'analystToken'
  | 'cypher'
  | 'responseLimitBytes'
  | 'responseCache'
> &
  Partial<Pick<Config, 'ingestMaxBytes'>>;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly metrics: Metrics;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes the graph. */
  shutdown(): Promise<void>;
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

/**
 * What to answer when the body parser refuses a body for a reason of the
 * client's (a 4xx status): its status, a stable code and a message saying
 * how to send it. Undefined for anything else.
 */
export function clientBodyError(
  error: Error & { type?: string; status?: number },
): { status: number; code: string; message: string } | undefined {
  if (error.status === undefined || error.status < 400 || error.status > 499) return undefined;
  switch (error.type) {
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `${error.message}: send the body as UTF-8 (content-type: application/json; charset=utf-8).`,
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `${error.message}: send the body uncompressed, or with gzip, deflate or br.`,
      };
    default:
      // zlib failures ("incorrect header check", "unexpected end of file") arrive as plain 400s.
      return {
        status: error.status,
        code: 'BAD_REQUEST',
        message:
          'The request body could not be read: it does not decompress with its content-encoding, or it was cut short. ' +
          'Send it uncompressed, or compressed with the encoding that content-encoding names.',
      };
  }
}

/** Starts the HTTP server: /graphql, /healthz, /readyz, /metrics and /explorer. */
export async function startHttpServer(
  config: ServerConfig,
  graph: Graph,
  logger: Logger,
): Promise<RunningServer> {
  const metrics = new Metrics();
  const stopObserving = metrics.observeGraph(graph.port.stats);
  const app = express();
  app.disable('x-powered-by');
  // Created before Apollo so that its drain plugin sees every connection.
  const server = http.createServer(app);
  const responseCache = config.responseCache.enabled
    ? await createResponseCache({
        config: config.responseCache,
        stats: graph.port.stats,
        registry: metrics.registry,
        logger,
      })
    : undefined;
  const apollo = createApolloServer({
    ...config,
    logger,
    metrics,
    drain: { httpServer: server, stopGracePeriodMillis: config.shutdownGraceMs },
    responseCache: responseCache?.plugins,
  });
  await apollo.start();
  let draining = false;

  app.use((req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    const started = performance.now();
    // Read the path now: routers mounted with app.use('/graphql', ...) strip their prefix from req.path.
    const requestPath = req.path;
    res.on('close', () => {
      const route =
        req.route?.path ??
        (requestPath.startsWith('/explorer')
          ? '/explorer'
          : requestPath === '/graphql'
            ? '/graphql'
            : 'other');
      metrics.httpDuration.observe(
        { method: req.method, route: String(route), status: String(res.statusCode) },
        (performance.now() - started) / 1000,
      );
    });
    // A keep-alive client sending more work during the drain is told to reconnect elsewhere.
    if (draining) res.setHeader('connection', 'close');
    runInRequest(id, next);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
      return;
    }
    try {
      await pingGraph(graph, config.readyTimeoutMs);
      // Low disk space refuses writes but not reads: the instance stays ready (200) so reads keep
      // being routed to it, and says "degraded" with the reason for monitoring.
      const writeRefusal = graph.port.writeRefusal?.();
      if (writeRefusal)
        res.json({
          status: 'degraded',
          engine: graph.port.engine,
          writes: 'refused',
          reason: writeRefusal,
        });
      else res.json({ status: 'ready', engine: graph.port.engine });
    } catch (error) {
      res.status(503).json({
        status: 'unavailable',
        engine: graph.port.engine,
        reason: (error as Error).message,
      });
    }
  });

  // In development the root page points people at the two ways in: the sandbox and the explorer.
  if (!config.production) {
    app.get('/', (_req, res) => {
      res
        .type('html')
        .send(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kg-graphql</title></head><body>' +
            '<h1>kg-graphql</h1><p>Who said what about whom, as a GraphQL knowledge graph.</p><ul>' +
            '<li><a href="/graphql">GraphiQL playground</a> (works offline)</li>' +
            '<li><a href="/explorer/">Graph explorer</a></li>' +
            '<li><a href="/readyz">Readiness</a> and <a href="/metrics">metrics</a></li></ul></body></html>',
        );
    });
  }

  app.get('/metrics', async (_req, res) => {
    // Labels are bounded (see OperationLabels), so this cannot grow without limit; a failure is ours, not the scraper's.
    try {
      const text = await metrics.registry.metrics();
      res.setHeader('content-type', metrics.registry.contentType);
      res.send(text);
    } catch (error) {
      logger.error({ err: error, reqId: res.locals.requestId }, 'metrics scrape failed');
      res.status(500).type('text/plain').send('Metrics are unavailable; see the server log.\n');
    }
  });

  if (existsSync(EXPLORER_DIR)) {
    app.use('/explorer', express.static(EXPLORER_DIR, { index: 'index.html', fallthrough: true }));
    app.get(/^\/explorer(\/.*)?$/, (_req, res) =>
      res.sendFile(path.join(EXPLORER_DIR, 'index.html')),
    );
  }

  // POST /cypher for analysts; off (404) unless ANALYST_TOKEN or API_TOKEN is set.
  const cypherRouter = createCypherRouter(config, graph, logger);
  if (cypherRouter) app.use(cypherRouter);

  app.use(
    '/graphql',
    cors<cors.CorsRequest>(corsOptions(config.corsOrigins)),
    ...(config.playground ? [playgroundRouter()] : []),
    // For Apollo Client's `possibleTypes`, which cannot be built at run time with introspection off.
    express.Router().get('/possible-types.json', (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      res.json(possibleTypes);
    }),
    express.json({ limit: config.bodyLimitBytes }),
    // The body parser resumes from socket events, outside the request's async context: enter it again.
    (_req: Request, res: Response, next: NextFunction) =>
      runInRequest(String(res.locals.requestId), next),
    ...(responseCache ? [responseCache.middleware] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext({
          graph,
          credentials: { authorization: req.header('authorization'), apiToken: config.apiToken },
          timeoutMs: config.queryTimeoutMs,
          onBatch: (loader, size) => metrics.batchSize.observe({ loader }, size),
          requestId: String(res.locals.requestId),
          ingest: { extractor: defaultExtractor(), maxBytes: config.ingestMaxBytes },
        }),
    }),
  );

  app.use(
    (
      error: Error & { type?: string; status?: number },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (res.headersSent) return next(error);
      if (error.type === 'entity.too.large') {
        res.status(413).json({
          errors: [
            {
              message: `The request body is larger than ${config.bodyLimitBytes} bytes.`,
              extensions: { code: 'PAYLOAD_TOO_LARGE' },
            },
          ],
        });
        return;
      }
      if (error.type === 'entity.parse.failed') {
        res.status(400).json({
          errors: [
            {
              message: 'The request body is not valid JSON.',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        return;
      }
      const refusal = clientBodyError(error);
      if (refusal) {
        // The client's mistake, not the server's: an info line, not an error.
        logger.info(
          { reqId: res.locals.requestId, status: refusal.status, reason: error.message },
          'request body refused',
        );
        res
          .status(refusal.status)
          .json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
        return;
      }
      logger.error({ err: error, reqId: res.locals.requestId }, 'unhandled http error');
      res.status(error.status ?? 500).json({
        errors: [
          { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let shutdownPromise: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shutdownPromise ??= (async () => {
      draining = true;
      // Apollo's drain plugin closes the listener, ends idle connections, waits for
      // in-flight requests (up to SHUTDOWN_GRACE_MS) and then closes the rest.
      await apollo.stop();
      await responseCache?.close();
      stopObserving();
      await graph.port.close();
    })();
    return shutdownPromise;
  };

  return { url: `http://${host}:${port}/graphql`, port, metrics, shutdown };
}
