/**
 * The shared read cache: whole serialized responses of public queries, keyed
 * by the request body, its Accept header and the graph version, so that a
 * committed write makes every older entry unreachable at once
 * (docs/performance.md, "Response cache"). It sits in front of Apollo: a hit
 * is answered before Apollo's request pipeline runs.
 *
 * Why a read after a write never sees old data:
 * 1. The version is read once per request, before it reaches Apollo, and the
 *    response is stored under that version. Every commit counted in the
 *    version was visible when execution began, so an entry stored under
 *    version v holds data at least as new as v.
 * 2. A write bumps the version after its transaction commits and before its
 *    response is sent: locally the port counts the commit synchronously
 *    (`QueryStats.commits`); with Redis, `willSendResponse` awaits INCR.
 * 3. So a read issued after a write's response reads a version that counts
 *    that write, and only finds entries stored by requests that began after
 *    it committed.
 *
 * What is stored is decided by the response's own `Cache-Control`, which
 * src/server/cache-control.ts sets to `max-age=…, public` only on successful
 * queries: mutations and responses with errors are never stored.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import KeyvRedis, { Keyv, type RedisClientType, createClient } from '@keyv/redis';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Config } from '../config/config';
import type { QueryStats } from '../graph';

/** The Redis key of the shared graph version, and the namespace of cached responses. */
export const GRAPH_VERSION_KEY = 'kg:graph-version';
const RESPONSE_NAMESPACE = 'kg:response';

/** How the version that cache keys carry is read and moved. */
export interface GraphVersion {
  /** The current version. Rejects when it cannot be read; the request then bypasses the cache. */
  read(): Promise<number>;
  /** Moves the version on after a request committed writes, before its response is sent. */
  bump(): Promise<void>;
}

/** One process: the port's count of committed write transactions. */
export function localGraphVersion(stats: QueryStats): GraphVersion {
  return {
    read: async () => stats.commits,
    // The adapter counted the commit before the resolver returned.
    bump: async () => undefined,
  };
}

/**
 * Several processes: a counter in Redis. A missing key (first start, flushed
 * or evicted) is created from the clock, so it never comes back to a value
 * that entries still alive could carry.
 */
export function redisGraphVersion(client: RedisClientType): GraphVersion {
  const ensure = async () => {
    await client.set(GRAPH_VERSION_KEY, String(Date.now()), { condition: 'NX' });
  };
  return {
    async read() {
      const value = await client.get(GRAPH_VERSION_KEY);
      if (value !== null) return Number(value);
      await ensure();
      return Number(await client.get(GRAPH_VERSION_KEY));
    },
    async bump() {
      await ensure();
      await client.incr(GRAPH_VERSION_KEY);
    },
  };
}

/** Opens a Redis client that fails commands at once while disconnected, instead of queueing them. */
export async function connectRedis(url: string, logger?: Logger): Promise<RedisClientType> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  }) as RedisClientType;
  let reported = false;
  client.on('error', (error: Error) => {
    // The client retries on its own; say so once per outage, not once per retry.
    if (!reported) logger?.warn({ err: error }, 'redis unavailable: responses bypass the cache');
    reported = true;
  });
  client.on('ready', () => {
    reported = false;
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`Redis at REDIS_URL did not answer within 5 s.`)),
      5_000,
    ).unref(),
  );
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (error) {
    client.destroy();
    throw error;
  }
  return client;
}

/**
 * For writers outside the server (`npm run seed` with Neo4j): moves the shared
 * version on, so that every instance's cached responses become unreachable.
 */
export async function bumpSharedGraphVersion(redisUrl: string): Promise<void> {
  const client = await connectRedis(redisUrl);
  try {
    await redisGraphVersion(client).bump();
  } finally {
    client.destroy();
  }
}

/** Hits, misses, evictions and errors of the response cache, in the server's registry. */
class CacheMetrics {
  readonly hits: Counter<'store'>;
  readonly misses: Counter<'store'>;
  readonly evictions: Counter<'store'>;
  readonly errors: Counter<'store' | 'operation'>;

  constructor(
    registry: Registry,
    readonly store: string,
  ) {
    const labels = { store };
    this.hits = new Counter({
      name: 'response_cache_hits_total',
      help: 'Queries answered from the response cache.',
      labelNames: ['store'],
      registers: [registry],
    });
    this.misses = new Counter({
      name: 'response_cache_misses_total',
      help: 'Cacheable queries that were not in the response cache and were executed.',
      labelNames: ['store'],
      registers: [registry],
    });
    this.evictions = new Counter({
      name: 'response_cache_evictions_total',
      help: 'Entries evicted to stay within RESPONSE_CACHE_MAX_BYTES (in-memory store; Redis reports its own evicted_keys).',
      labelNames: ['store'],
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'response_cache_errors_total',
      help: 'Failed cache reads, writes and version bumps (the request went on without the cache).',
      labelNames: ['store', 'operation'],
      registers: [registry],
    });
    const hits = this.hits;
    const misses = this.misses;
    new Gauge({
      name: 'response_cache_hit_ratio',
      help: 'Hits / (hits + misses) since the server started.',
      labelNames: ['store'],
      registers: [registry],
      async collect() {
        const h = (await hits.get()).values[0]?.value ?? 0;
        const m = (await misses.get()).values[0]?.value ?? 0;
        this.set(labels, h + m === 0 ? 0 : h / (h + m));
      },
    });
    // Every series exists from the start, so dashboards see 0 rather than nothing.
    this.hits.inc(labels, 0);
    this.misses.inc(labels, 0);
    this.evictions.inc(labels, 0);
  }
}

/**
 * A store that never fails a request: errors are counted and logged, a failed
 * read is a miss and a failed write is dropped. Hits and misses are counted here.
 */
function guardedStore(
  inner: KeyValueCache<string>,
  metrics: CacheMetrics,
  logger?: Logger,
): KeyValueCache<string> {
  const store = { store: metrics.store };
  const failed = (operation: string) => (error: unknown) => {
    metrics.errors.inc({ ...store, operation });
    logger?.debug({ err: error, operation }, 'response cache operation failed');
    return undefined;
  };
  return {
    async get(key) {
      const value = await inner.get(key).catch(failed('get'));
      (value === undefined ? metrics.misses : metrics.hits).inc(store);
      return value;
    },
    async set(key, value, options) {
      await inner.set(key, value, options).catch(failed('set'));
    },
    async delete(key) {
      return (await inner.delete(key).catch(failed('delete'))) ?? false;
    },
  };
}

/** The body of a POST that can be answered from the cache: one operation with its text. */
interface QueryBody {
  readonly query: string;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/**
 * Only POSTs with a JSON body (express.json parsed it, so the content type was
 * JSON: Apollo's CSRF prevention would let it through) carrying the query
 * text. GETs and hash-only persisted queries go to Apollo uncached: a GET
 * needs Apollo's CSRF check, and a hash must be resolved by Apollo first.
 */
function isCacheableRequest(method: string, body: unknown): body is QueryBody {
  return (
    method === 'POST' &&
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { query?: unknown }).query === 'string'
  );
}

/** A stored response: body, content type, Cache-Control and the time it was stored (ms). */
interface Entry {
  readonly body: string;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly storedAt: number;
}

const CACHEABLE = /^max-age=(\d+), public$/;

/** The stored entry, or undefined for a miss or a value that is not one (answered by Apollo). */
function parseEntry(stored: string | undefined): Entry | undefined {
  if (stored === undefined) return undefined;
  try {
    const entry = JSON.parse(stored) as Partial<Entry>;
    return typeof entry.body === 'string' ? (entry as Entry) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers `req` from the cache (resolves true), or wraps `res.send` so that a
 * cacheable response is stored under the version read now, and resolves false
 * for Apollo to answer. Never rejects on cache or Redis failures.
 */
async function serveOrStore(
  req: Request,
  res: Response,
  body: QueryBody,
  deps: {
    cache: KeyValueCache<string>;
    version: GraphVersion;
    metrics: CacheMetrics;
    logger?: Logger;
  },
): Promise<boolean> {
  let version: number;
  try {
    version = await deps.version.read();
  } catch (error) {
    deps.metrics.errors.inc({ store: deps.metrics.store, operation: 'version' });
    deps.logger?.debug({ err: error }, 'graph version unreadable: bypassing the response cache');
    return false;
  }
  // The Accept header picks the response's content type; extensions (client names) do not change it.
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        version,
        req.headers.accept ?? '',
        body.operationName ?? null,
        body.query,
        body.variables ?? null,
      ]),
    )
    .digest('hex');
  const entry = parseEntry(await deps.cache.get(key));
  if (entry) {
    res.setHeader('content-type', entry.contentType);
    res.setHeader('cache-control', entry.cacheControl);
    res.setHeader('age', String(Math.max(0, Math.round((Date.now() - entry.storedAt) / 1000))));
    res.send(entry.body);
    return true;
  }
  const send = res.send.bind(res);
  res.send = (payload?: unknown) => {
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    const maxAge = CACHEABLE.exec(cacheControl)?.[1];
    if (res.statusCode === 200 && typeof payload === 'string' && maxAge !== undefined) {
      const entry: Entry = {
        body: payload,
        contentType: String(res.getHeader('content-type') ?? 'application/json'),
        cacheControl,
        storedAt: Date.now(),
      };
      void deps.cache.set(key, JSON.stringify(entry), { ttl: Number(maxAge) });
    }
    return send(payload);
  };
  return false;
}

export interface ResponseCache {
  /**
   * Mounted after `express.json()` and before Apollo: answers hits, and stores
   * the cacheable responses of misses.
   */
  readonly middleware: RequestHandler;
  /** The Apollo plugin that moves the version on after requests that committed writes. */
  readonly plugins: ApolloServerPlugin[];
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

export interface ResponseCacheOptions {
  readonly config: Config['responseCache'];
  readonly stats: QueryStats;
  readonly registry: Registry;
  readonly logger?: Logger;
}

/**
 * The response cache of `config`: in this process (LRU, bounded in bytes), or
 * in Redis when `redisUrl` is set. With Redis the shared version is bumped
 * once at start: the graph may have changed while this instance was down
 * (a restore, a seed), and entries from before must not be served.
 */
export async function createResponseCache(options: ResponseCacheOptions): Promise<ResponseCache> {
  const { config, stats, registry, logger } = options;
  let store: KeyValueCache<string>;
  let version: GraphVersion;
  let close = async () => undefined;
  const metrics = new CacheMetrics(registry, config.redisUrl ? 'redis' : 'memory');
  if (config.redisUrl) {
    const client = await connectRedis(config.redisUrl, logger);
    const keyv = new Keyv({ store: new KeyvRedis(client), namespace: RESPONSE_NAMESPACE });
    keyv.on('error', (error: unknown) => logger?.debug({ err: error }, 'keyv error'));
    store = new KeyvAdapter(keyv);
    version = redisGraphVersion(client);
    await version.bump();
    // Redis evicts on its own (maxmemory-policy); report its count beside ours.
    new Gauge({
      name: 'response_cache_redis_evicted_keys',
      help: "Redis's evicted_keys (INFO stats): keys it evicted under maxmemory, this cache's and any other's.",
      registers: [registry],
      async collect() {
        const info = await client.info('stats').catch(() => '');
        const evicted = /^evicted_keys:(\d+)/m.exec(info)?.[1];
        if (evicted !== undefined) this.set(Number(evicted));
      },
    });
    close = async () => {
      client.destroy();
    };
  } else {
    store = new InMemoryLRUCache<string>({
      maxSize: config.maxBytes,
      sizeCalculation: (value) => Math.max(1, Buffer.byteLength(value)),
      dispose: (_value, _key, reason) => {
        if (reason === 'evict') metrics.evictions.inc({ store: metrics.store });
      },
    });
    version = localGraphVersion(stats);
  }

  const cache = guardedStore(store, metrics, logger);
  const middleware: RequestHandler = (req, res, next) => {
    const body: unknown = req.body;
    if (!isCacheableRequest(req.method, body)) return next();
    serveOrStore(req, res, body, { cache, version, metrics, logger }).then(
      (answered) => {
        if (!answered) next();
      },
      // serveOrStore catches what it can; this is a bug, and Express's error handler answers 500.
      (error: unknown) => next(error),
    );
  };
  const bumpAfterWrites: ApolloServerPlugin = {
    async requestDidStart() {
      const commitsAtStart = stats.commits;
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'query' || stats.commits === commitsAtStart) return;
          // One retry: a failed bump leaves other instances' entries reachable until they expire.
          await version
            .bump()
            .catch(() => version.bump())
            .catch((error: unknown) => {
              metrics.errors.inc({ store: metrics.store, operation: 'bump' });
              logger?.error(
                { err: error },
                'graph version not bumped after a write: other instances may serve older responses until they expire',
              );
            });
        },
      };
    },
  };
  return { middleware, plugins: [bumpAfterWrites], close };
}
