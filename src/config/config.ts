import { z } from 'zod';
import { type GraphConfig, REDACTED, redactGraphConfig } from '../graph';

const int = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(v)})`,
        });
        return z.NEVER;
      }
      return n;
    });

const bool = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      if (/^(true|1|yes)$/i.test(v)) return true;
      if (/^(false|0|no)$/i.test(v)) return false;
      ctx.addIssue({
        code: 'custom',
        message: `${name} must be true or false (got ${JSON.stringify(v)})`,
      });
      return z.NEVER;
    });

const ENV = z.object({
  PORT: int('PORT', 0, 65535, 4000),
  HOST: z.string().optional().default('0.0.0.0'),
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      message: 'NODE_ENV must be development, production or test',
    })
    .optional()
    .default('development'),
  NEO4J_URI: z
    .string()
    .optional()
    .refine((v) => !v || /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/\S+$/.test(v), {
      message: 'NEO4J_URI must start with bolt://, bolt+s://, neo4j:// or neo4j+s://',
    }),
  NEO4J_USER: z.string().optional().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional().default('neo4j'),
  EMBEDDED_DB_PATH: z
    .string()
    .min(1, 'EMBEDDED_DB_PATH must not be empty')
    .optional()
    .default('./data/graph.lbug'),
  EMBEDDED_BUFFER_POOL_MB: int('EMBEDDED_BUFFER_POOL_MB', 64, 1_048_576, 512),
  EMBEDDED_MAX_DB_SIZE_GB: int('EMBEDDED_MAX_DB_SIZE_GB', 1, 4096, 16).refine(
    (n) => (n & (n - 1)) === 0,
    {
      message:
        'EMBEDDED_MAX_DB_SIZE_GB must be a power of 2 (1, 2, 4, … 4096), as LadybugDB requires',
    },
  ),
  EMBEDDED_CHECKPOINT_KB: int('EMBEDDED_CHECKPOINT_KB', 16, 1_048_576, 256),
  EMBEDDED_JOURNAL: bool('EMBEDDED_JOURNAL'),
  EMBEDDED_STORAGE_RESERVE_MB: int('EMBEDDED_STORAGE_RESERVE_MB', 0, 1_048_576, 64),
  EMBEDDED_SNAPSHOT_INTERVAL_MIN: int('EMBEDDED_SNAPSHOT_INTERVAL_MIN', 0, 10_080, 60),
  EMBEDDED_SNAPSHOT_KEEP: int('EMBEDDED_SNAPSHOT_KEEP', 1, 1000, 3),
  API_TOKEN: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 16, { message: 'API_TOKEN must be at least 16 characters' }),
  ANALYST_TOKEN: z
    .string()
    .optional()
    .refine((v) => !v || v.length >= 16, {
      message: 'ANALYST_TOKEN must be at least 16 characters',
    }),
  CYPHER_MAX_ROWS: int('CYPHER_MAX_ROWS', 1, 1_000_000, 5_000),
  CYPHER_RATE_LIMIT: int('CYPHER_RATE_LIMIT', 1, 1_000_000, 120),
  CORS_ORIGINS: z.string().optional().default(''),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional()
    .default('info'),
  QUERY_TIMEOUT_MS: int('QUERY_TIMEOUT_MS', 10, 600_000, 10_000),
  READY_TIMEOUT_MS: int('READY_TIMEOUT_MS', 10, 60_000, 2_000),
  MAX_DEPTH: int('MAX_DEPTH', 1, 100, 8),
  MAX_ALIASES: int('MAX_ALIASES', 1, 1000, 15),
  MAX_TOKENS: int('MAX_TOKENS', 10, 100_000, 2_000),
  MAX_COST: int('MAX_COST', 1, 10_000_000, 20_000),
  BODY_LIMIT_BYTES: int('BODY_LIMIT_BYTES', 1_024, 50_000_000, 102_400),
  RESPONSE_LIMIT_BYTES: int('RESPONSE_LIMIT_BYTES', 1_024, 1_000_000_000, 10_000_000),
  INGEST_MAX_BYTES: int('INGEST_MAX_BYTES', 1_000, 50_000_000, 200_000),
  INTROSPECTION: bool('INTROSPECTION'),
  PLAYGROUND: bool('PLAYGROUND'),
  SEED_ON_START: bool('SEED_ON_START'),
  SHUTDOWN_GRACE_MS: int('SHUTDOWN_GRACE_MS', 0, 600_000, 10_000),
  RESPONSE_CACHE: z.enum(['on', 'off'], { message: 'RESPONSE_CACHE must be on or off' }).optional(),
  RESPONSE_CACHE_MAX_BYTES: int('RESPONSE_CACHE_MAX_BYTES', 1_048_576, 68_719_476_736, 67_108_864),
  REDIS_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^rediss?:\/\/\S+$/.test(v), {
      message:
        'REDIS_URL must start with redis:// or rediss:// (for example redis://localhost:6379)',
    }),
});

/** The validated configuration of one server process. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly nodeEnv: string;
  readonly graph: GraphConfig;
  readonly apiToken: string | undefined;
  /** The bearer token of `POST /cypher` (read-only); the API token works there too. */
  readonly analystToken: string | undefined;
  /** `POST /cypher`: rows returned at most, and requests per minute per client. */
  readonly cypher: { readonly maxRows: number; readonly ratePerMinute: number };
  readonly corsOrigins: readonly string[];
  readonly logLevel: string;
  readonly queryTimeoutMs: number;
  readonly readyTimeoutMs: number;
  readonly limits: {
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxTokens: number;
    readonly maxCost: number;
  };
  readonly bodyLimitBytes: number;
  /** A query whose response grows past this is stopped with RESPONSE_TOO_LARGE. */
  readonly responseLimitBytes: number;
  /** Largest report `ingestReport` and `npm run ingest` accept, in UTF-8 bytes. */
  readonly ingestMaxBytes: number;
  readonly introspection: boolean;
  /** GraphiQL at GET /graphql for browsers: on in development, and in production only with PLAYGROUND=true. */
  readonly playground: boolean;
  readonly seedOnStart: boolean;
  readonly shutdownGraceMs: number;
  /**
   * The shared cache of public query responses (src/server/response-cache.ts):
   * in this process, bounded by `maxBytes`, unless `redisUrl` is set; then in
   * Redis, shared by every instance, with the graph version kept there too.
   */
  readonly responseCache: {
    readonly enabled: boolean;
    readonly maxBytes: number;
    readonly redisUrl: string | undefined;
  };
}

/** A configuration error: one line naming the variable and what is expected. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}

/** Reads and validates the environment. Throws ConfigError with every problem on one line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENV.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.message).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}.`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) {
    throw new ConfigError(
      'Invalid configuration: NEO4J_PASSWORD is required when NEO4J_URI is set.',
    );
  }
  const production = e.NODE_ENV === 'production';
  const playground = e.PLAYGROUND ?? !production;
  const graph: GraphConfig = e.NEO4J_URI
    ? {
        engine: 'neo4j',
        uri: e.NEO4J_URI,
        user: e.NEO4J_USER,
        password: e.NEO4J_PASSWORD as string,
        database: e.NEO4J_DATABASE,
        queryTimeoutMs: e.QUERY_TIMEOUT_MS,
      }
    : {
        engine: 'embedded',
        path: e.EMBEDDED_DB_PATH,
        queryTimeoutMs: e.QUERY_TIMEOUT_MS,
        bufferPoolBytes: e.EMBEDDED_BUFFER_POOL_MB * 2 ** 20,
        maxDbSizeBytes: e.EMBEDDED_MAX_DB_SIZE_GB * 2 ** 30,
        checkpointBytes: e.EMBEDDED_CHECKPOINT_KB * 1024,
        journal: e.EMBEDDED_JOURNAL ?? true,
        storageReserveBytes: e.EMBEDDED_STORAGE_RESERVE_MB * 2 ** 20,
        snapshotIntervalMs: e.EMBEDDED_SNAPSHOT_INTERVAL_MIN * 60_000,
        snapshotKeep: e.EMBEDDED_SNAPSHOT_KEEP,
      };
  return {
    port: e.PORT,
    host: e.HOST,
    production,
    nodeEnv: e.NODE_ENV,
    graph,
    apiToken: e.API_TOKEN || undefined,
    analystToken: e.ANALYST_TOKEN || undefined,
    cypher: { maxRows: e.CYPHER_MAX_ROWS, ratePerMinute: e.CYPHER_RATE_LIMIT },
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    readyTimeoutMs: e.READY_TIMEOUT_MS,
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxCost: e.MAX_COST,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    responseLimitBytes: e.RESPONSE_LIMIT_BYTES,
    ingestMaxBytes: e.INGEST_MAX_BYTES,
    // A playground without introspection has no docs or completion, so PLAYGROUND=true turns it on too.
    introspection: e.INTROSPECTION ?? (playground || !production),
    playground,
    seedOnStart: e.SEED_ON_START ?? true,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    responseCache: {
      // Off by default on Neo4j without Redis: other instances and tools may write to the same
      // database, and only a version shared through Redis would see their writes.
      enabled: e.RESPONSE_CACHE
        ? e.RESPONSE_CACHE === 'on'
        : graph.engine === 'embedded' || Boolean(e.REDIS_URL),
      maxBytes: e.RESPONSE_CACHE_MAX_BYTES,
      redisUrl: e.REDIS_URL || undefined,
    },
  };
}

/** The configuration with secrets replaced, for logs. */
export function redactedConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    graph: redactGraphConfig(config.graph),
    apiToken: config.apiToken ? REDACTED : undefined,
    analystToken: config.analystToken ? REDACTED : undefined,
    responseCache: {
      ...config.responseCache,
      redisUrl: config.responseCache.redisUrl?.replace(/\/\/[^@/]*@/, `//${REDACTED}@`),
    },
  };
}
