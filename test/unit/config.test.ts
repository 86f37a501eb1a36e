/**
 * loadConfig: defaults, parsing, one-line errors naming the variable, and
 * redaction of secrets for logs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError, loadConfig, redactedConfig } from '../../src/config/config';

const TOKEN = 'a-very-secret-token-0123456789';

/** The ConfigError thrown for `env`; fails the test when none is thrown. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual<Config>({
      port: 4000,
      host: '0.0.0.0',
      production: false,
      nodeEnv: 'development',
      graph: {
        engine: 'embedded',
        path: './data/graph.lbug',
        queryTimeoutMs: 10_000,
        bufferPoolBytes: 512 * 2 ** 20,
        maxDbSizeBytes: 16 * 2 ** 30,
        checkpointBytes: 256 * 1024,
        journal: true,
        storageReserveBytes: 64 * 2 ** 20,
        snapshotIntervalMs: 60 * 60_000,
        snapshotKeep: 3,
      },
      apiToken: undefined,
      analystToken: undefined,
      cypher: { maxRows: 5_000, ratePerMinute: 120 },
      corsOrigins: [],
      logLevel: 'info',
      queryTimeoutMs: 10_000,
      readyTimeoutMs: 2_000,
      limits: { maxDepth: 8, maxAliases: 15, maxTokens: 2_000, maxCost: 20_000 },
      bodyLimitBytes: 102_400,
      responseLimitBytes: 10_000_000,
      ingestMaxBytes: 200_000,
      introspection: true,
      playground: true,
      seedOnStart: true,
      shutdownGraceMs: 10_000,
      responseCache: { enabled: true, maxBytes: 64 * 2 ** 20, redisUrl: undefined },
    });
  });

  it('treats blank numeric and boolean variables as unset', () => {
    const config = loadConfig({
      PORT: '',
      MAX_DEPTH: '  ',
      INTROSPECTION: '',
      SEED_ON_START: '',
      API_TOKEN: '',
    });
    expect(config.port).toBe(4000);
    expect(config.limits.maxDepth).toBe(8);
    expect(config.introspection).toBe(true);
    expect(config.seedOnStart).toBe(true);
    expect(config.apiToken).toBeUndefined();
  });

  it('turns introspection off by default in production, and lets INTROSPECTION override it', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      production: true,
      nodeEnv: 'production',
      introspection: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', INTROSPECTION: 'false' }).introspection).toBe(
      false,
    );
    expect(loadConfig({ NODE_ENV: 'test' }).production).toBe(false);
  });

  it('serves the playground in development, and in production only with PLAYGROUND=true, which turns introspection on', () => {
    expect(loadConfig({}).playground).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      playground: false,
      introspection: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' })).toMatchObject({
      playground: true,
      introspection: true,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'true', INTROSPECTION: 'false' })
        .introspection,
    ).toBe(false);
    expect(loadConfig({ PLAYGROUND: 'false' }).playground).toBe(false);
  });

  it('matches .env.example', () => {
    // .env.example lists the defaults; loading it must change nothing.
    const env: Record<string, string> = {};
    for (const line of readFileSync(path.join(__dirname, '../../.env.example'), 'utf8').split(
      '\n',
    )) {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (match) env[match[1] as string] = match[2] as string;
    }
    expect(Object.keys(env).length).toBeGreaterThan(10);
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });
});

describe('embedded engine settings', () => {
  it('refuses a maximum database size that is not a power of 2, saying what LadybugDB needs', () => {
    expect(() => loadConfig({ EMBEDDED_MAX_DB_SIZE_GB: '3' })).toThrow(
      'Invalid configuration: EMBEDDED_MAX_DB_SIZE_GB must be a power of 2 (1, 2, 4, … 4096), as LadybugDB requires.',
    );
    expect(loadConfig({ EMBEDDED_MAX_DB_SIZE_GB: '64' }).graph).toMatchObject({
      maxDbSizeBytes: 64 * 2 ** 30,
    });
  });
});

describe('loadConfig parsing', () => {
  it('parses numbers, lists and booleans', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      CORS_ORIGINS: ' http://a.example , ,http://b.example ',
      QUERY_TIMEOUT_MS: '2500',
      READY_TIMEOUT_MS: '300',
      MAX_DEPTH: '5',
      MAX_ALIASES: '3',
      MAX_TOKENS: '500',
      MAX_COST: '1000',
      BODY_LIMIT_BYTES: '2048',
      INGEST_MAX_BYTES: '5000',
      SEED_ON_START: 'no',
      INTROSPECTION: 'YES',
      SHUTDOWN_GRACE_MS: '0',
      LOG_LEVEL: 'warn',
      API_TOKEN: TOKEN,
      EMBEDDED_DB_PATH: ':memory:',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      corsOrigins: ['http://a.example', 'http://b.example'],
      queryTimeoutMs: 2500,
      readyTimeoutMs: 300,
      limits: { maxDepth: 5, maxAliases: 3, maxTokens: 500, maxCost: 1000 },
      bodyLimitBytes: 2048,
      ingestMaxBytes: 5000,
      seedOnStart: false,
      introspection: true,
      shutdownGraceMs: 0,
      logLevel: 'warn',
      apiToken: TOKEN,
      graph: { engine: 'embedded', path: ':memory:', queryTimeoutMs: 2500 },
    });
  });

  it('accepts boolean spellings true/1/yes and false/0/no in any case', () => {
    for (const v of ['true', '1', 'yes', 'TRUE', 'Yes'])
      expect(loadConfig({ SEED_ON_START: v }).seedOnStart).toBe(true);
    for (const v of ['false', '0', 'no', 'FALSE', 'No'])
      expect(loadConfig({ SEED_ON_START: v }).seedOnStart).toBe(false);
  });

  it('accepts PORT 0 and 65535', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('selects Neo4j when NEO4J_URI is set, with user, password, database and the query timeout', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://db.example:7687',
      NEO4J_PASSWORD: 'pw',
      NEO4J_USER: 'reader',
      QUERY_TIMEOUT_MS: '1234',
    });
    expect(config.graph).toEqual({
      engine: 'neo4j',
      uri: 'neo4j+s://db.example:7687',
      user: 'reader',
      password: 'pw',
      database: 'neo4j',
      queryTimeoutMs: 1234,
    });
  });

  it.each([
    'bolt://localhost:7687',
    'bolt+s://h:1',
    'bolt+ssc://h',
    'neo4j://h',
    'neo4j+s://h',
    'neo4j+ssc://h',
  ])('accepts NEO4J_URI %s', (uri) => {
    expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' }).graph.engine).toBe('neo4j');
  });
});

describe('response cache settings', () => {
  it('is on in this process by default on the embedded engine, bounded by RESPONSE_CACHE_MAX_BYTES', () => {
    expect(loadConfig({ RESPONSE_CACHE_MAX_BYTES: '1048576' }).responseCache).toEqual({
      enabled: true,
      maxBytes: 1_048_576,
      redisUrl: undefined,
    });
    expect(loadConfig({ RESPONSE_CACHE: 'off' }).responseCache.enabled).toBe(false);
  });

  it('is off by default on Neo4j without REDIS_URL, where other writers would go unseen', () => {
    const neo4j = { NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'x' };
    expect(loadConfig(neo4j).responseCache.enabled).toBe(false);
    expect(loadConfig({ ...neo4j, RESPONSE_CACHE: 'on' }).responseCache.enabled).toBe(true);
    expect(loadConfig({ ...neo4j, REDIS_URL: 'redis://cache:6379' }).responseCache).toEqual({
      enabled: true,
      maxBytes: 64 * 2 ** 20,
      redisUrl: 'redis://cache:6379',
    });
  });

  it.each<[NodeJS.ProcessEnv, RegExp]>([
    [{ RESPONSE_CACHE: 'yes' }, /RESPONSE_CACHE must be on or off/],
    [
      { RESPONSE_CACHE_MAX_BYTES: '1000' },
      /RESPONSE_CACHE_MAX_BYTES must be an integer from 1048576 to 68719476736 \(got "1000"\)/,
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      /REDIS_URL must start with redis:\/\/ or rediss:\/\/ \(for example redis:\/\/localhost:6379\)/,
    ],
  ])('refuses %j, saying what is expected', (env, pattern) => {
    expect(configError(env).message).toMatch(pattern);
  });

  it('redacts the password in REDIS_URL for logs', () => {
    const redacted = redactedConfig(loadConfig({ REDIS_URL: 'redis://user:s3cret@cache:6379/0' }));
    expect(JSON.stringify(redacted)).not.toContain('s3cret');
    expect(redacted.responseCache).toEqual({
      enabled: true,
      maxBytes: 64 * 2 ** 20,
      redisUrl: 'redis://[redacted]@cache:6379/0',
    });
  });
});

describe('loadConfig errors', () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['PORT', { PORT: 'abc' }, /PORT must be an integer from 0 to 65535 \(got "abc"\)/],
    ['PORT', { PORT: '65536' }, /PORT must be an integer from 0 to 65535/],
    ['PORT', { PORT: '-1' }, /PORT must be an integer/],
    ['PORT', { PORT: '80.5' }, /PORT must be an integer/],
    [
      'NEO4J_URI',
      { NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'x' },
      /NEO4J_URI must start with bolt:\/\//,
    ],
    [
      'NEO4J_PASSWORD',
      { NEO4J_URI: 'bolt://localhost:7687' },
      /NEO4J_PASSWORD is required when NEO4J_URI is set/,
    ],
    ['API_TOKEN', { API_TOKEN: 'short' }, /API_TOKEN must be at least 16 characters/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV must be development, production or test/],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, /LOG_LEVEL must be one of/],
    [
      'INTROSPECTION',
      { INTROSPECTION: 'maybe' },
      /INTROSPECTION must be true or false \(got "maybe"\)/,
    ],
    [
      'QUERY_TIMEOUT_MS',
      { QUERY_TIMEOUT_MS: '5' },
      /QUERY_TIMEOUT_MS must be an integer from 10 to 600000/,
    ],
    [
      'BODY_LIMIT_BYTES',
      { BODY_LIMIT_BYTES: '100' },
      /BODY_LIMIT_BYTES must be an integer from 1024/,
    ],
    ['MAX_COST', { MAX_COST: '0' }, /MAX_COST must be an integer from 1/],
    ['EMBEDDED_DB_PATH', { EMBEDDED_DB_PATH: '' }, /EMBEDDED_DB_PATH must not be empty/],
  ])('names %s in a one-line ConfigError (%j)', (_name, env, pattern) => {
    const error = configError(env);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(/^Invalid configuration: /);
    expect(error.message).toMatch(pattern);
    expect(error.message).not.toContain('\n');
  });

  it('reports every problem at once, on one line', () => {
    const error = configError({ PORT: 'abc', API_TOKEN: 'short', MAX_DEPTH: 'deep' });
    expect(error.message).toMatch(/PORT/);
    expect(error.message).toMatch(/API_TOKEN/);
    expect(error.message).toMatch(/MAX_DEPTH/);
    expect(error.message.split('; ')).toHaveLength(3);
    expect(error.message).not.toContain('\n');
  });

  it('keeps the message on one line even when the bad value has a newline', () => {
    const error = configError({ PORT: '12\n34' });
    expect(error.message).toMatch(/PORT/);
    expect(error.message).not.toContain('\n');
  });

  it('never echoes the API token in its error', () => {
    const error = configError({ API_TOKEN: 'sh0rt-secret' });
    expect(error.message).not.toContain('sh0rt-secret');
  });
});

describe('redactedConfig', () => {
  it('replaces the Neo4j password and the API token, keeping everything else', () => {
    const config = loadConfig({
      NEO4J_URI: 'bolt://db:7687',
      NEO4J_PASSWORD: 'neo4j-secret-pw',
      API_TOKEN: TOKEN,
      PORT: '4100',
    });
    const redacted = redactedConfig(config);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('neo4j-secret-pw');
    expect(text).not.toContain(TOKEN);
    expect(redacted).toMatchObject({
      port: 4100,
      apiToken: '[redacted]',
      graph: { engine: 'neo4j', uri: 'bolt://db:7687', user: 'neo4j', password: '[redacted]' },
    });
    // The original is untouched.
    expect(config.apiToken).toBe(TOKEN);
    expect(config.graph).toMatchObject({ password: 'neo4j-secret-pw' });
  });

  it('leaves an unset token unset and the embedded graph as is', () => {
    const config = loadConfig({});
    const redacted = redactedConfig(config);
    expect(redacted.apiToken).toBeUndefined();
    expect(redacted.graph).toEqual(config.graph);
  });
});
