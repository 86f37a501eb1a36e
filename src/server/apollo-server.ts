import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginDrainHttpServer,
  type ApolloServerPluginDrainHttpServerOptions,
} from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ApiErrorCode } from '../errors';
import { GraphErrorCode, isGraphError } from '../graph';
import { type ApiContext, resolvers } from '../resolvers';
import { loadTypeDefs } from '../schema/load-schema';
import { cacheControlPlugins } from './cache-control';
import { costLimitRule } from './cost-limit-rule';
import { fieldErrorsPlugin } from './field-errors-plugin';
import { type Metrics, OPERATION_NAME_MAX_LENGTH } from './metrics';
import { responseBoundsPlugin } from './response-bounds';

export interface ApolloOptions {
  readonly production: boolean;
  readonly introspection: boolean;
  readonly limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number };
  /** Bytes a query's response may reach before it is stopped; unbounded when left out. */
  readonly responseLimitBytes?: number;
  /** The request deadline in ms (QUERY_TIMEOUT_MS), named in REQUEST_TIMEOUT messages. */
  readonly queryTimeoutMs?: number;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  /**
   * The HTTP server to drain when `stop()` is called: it stops accepting,
   * lets in-flight requests finish for up to `stopGracePeriodMillis`, then
   * closes what is left. Absent for servers without a listener (tests).
   */
  readonly drain?: ApolloServerPluginDrainHttpServerOptions;
  /** The shared response cache's plugins (src/server/response-cache.ts); absent = no cache. */
  readonly responseCache?: readonly ApolloServerPlugin[];
}

/**
 * Limit errors from graphql-armor carry no code; give each a stable one, and
 * a hint on how to get under the limit.
 */
const LIMIT_CODES: Array<[RegExp, string, string]> = [
  [
    /depth limit/i,
    'QUERY_TOO_DEEP',
    'Only fields count as levels, not fragments; select fewer nested fields or split the query (MAX_DEPTH).',
  ],
  [
    /aliases limit/i,
    'TOO_MANY_ALIASES',
    'Use fewer aliases, or send several operations (MAX_ALIASES).',
  ],
  [/token limit/i, 'TOO_MANY_TOKENS', 'Send a shorter document (MAX_TOKENS).'],
  // graphql-js's own parser limit (see `parseOptions` below); its message reads "more that N tokens".
  [/contains more tha[nt] \d+ tokens/i, 'TOO_MANY_TOKENS', 'Send a shorter document (MAX_TOKENS).'],
  // Apollo replaces every validation error's code with GRAPHQL_VALIDATION_FAILED; restore the cost rule's.
  [/^Query cost \d+ exceeds the limit/, 'QUERY_TOO_COSTLY', ''],
  [/directives limit/i, 'TOO_MANY_DIRECTIVES', 'Use fewer directives.'],
];

/**
 * armor and graphql-js prefix limit errors with "Syntax Error:" though the
 * document is valid; say which limit was hit and how to fix it instead.
 */
function limitMessage(message: string, hint: string): string {
  const plain = message
    .replace(/^Syntax Error:\s*/, '')
    .replace(/more that (\d+) tokens/, 'more than $1 tokens');
  return hint && !plain.includes(hint) ? `${plain} ${hint}` : plain;
}

const GRAPH_ERROR_CODES: Partial<Record<GraphErrorCode, { code: string; message: string }>> = {
  [GraphErrorCode.UNAVAILABLE]: {
    code: ApiErrorCode.SERVICE_UNAVAILABLE,
    message: 'The graph database is not available; retry later.',
  },
  [GraphErrorCode.AUTH_FAILED]: {
    code: ApiErrorCode.SERVICE_UNAVAILABLE,
    message: 'The graph database is not available; retry later.',
  },
  [GraphErrorCode.CLOSED]: {
    code: ApiErrorCode.SERVICE_UNAVAILABLE,
    message: 'The server is shutting down; retry later.',
  },
  [GraphErrorCode.TRANSIENT]: {
    code: ApiErrorCode.SERVICE_UNAVAILABLE,
    message: 'A conflicting write was in progress; retry the request.',
  },
  [GraphErrorCode.TIMEOUT]: {
    code: ApiErrorCode.REQUEST_TIMEOUT,
    message: 'The request ran past its time limit and was stopped.',
  },
  [GraphErrorCode.CONSTRAINT_VIOLATION]: {
    code: ApiErrorCode.CONFLICT,
    message: 'The write conflicts with existing data.',
  },
  [GraphErrorCode.INSUFFICIENT_STORAGE]: {
    code: ApiErrorCode.INSUFFICIENT_STORAGE,
    message:
      'The server is low on disk space, so writes are refused and nothing was written; reads still work. Retry later.',
  },
};

/** Apollo's message (HTTP 400, but no code) for an automatic persisted query whose hash does not match. */
const APQ_HASH_MISMATCH = 'provided sha does not match query';

/**
 * graphql-js names the schema's fields and enum values in its hints ("Did you
 * mean the enum value "PERSON"?"); in production they are cut, as armor cuts
 * field suggestions.
 */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/\s*Did you mean [\s\S]*$/, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

/**
 * Shapes every error the client sees: limit errors get their code, graph
 * errors become service codes, and anything unexpected is logged in full and
 * masked in production.
 */
export function formatErrorFor(options: Pick<ApolloOptions, 'production' | 'logger'>) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const strip = (e: GraphQLFormattedError): GraphQLFormattedError => {
      if (!options.production || !e.extensions) return e;
      const { stacktrace: _stacktrace, ...extensions } = e.extensions;
      return { ...e, extensions };
    };
    if (given.message === APQ_HASH_MISMATCH) {
      return strip({
        message:
          'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it; send the lower-case hex SHA-256 ' +
          'of the exact query text, or send the query without a persisted-query hash.',
        extensions: { code: ApiErrorCode.BAD_REQUEST },
      });
    }
    const formatted = options.production ? withoutSuggestions(given) : given;
    for (const [pattern, code, hint] of LIMIT_CODES) {
      if (
        pattern.test(formatted.message) &&
        formatted.extensions?.code !== ApiErrorCode.INTERNAL_SERVER_ERROR
      ) {
        return strip({
          ...formatted,
          message: limitMessage(formatted.message, hint),
          extensions: { ...formatted.extensions, code },
        });
      }
    }
    if (isGraphError(original)) {
      const mapped = GRAPH_ERROR_CODES[original.code];
      if (mapped) {
        if (mapped.code === ApiErrorCode.SERVICE_UNAVAILABLE)
          options.logger?.warn({ err: original }, 'graph unavailable');
        if (mapped.code === ApiErrorCode.INSUFFICIENT_STORAGE)
          options.logger?.warn({ err: original }, 'write refused: low disk space');
        return strip({
          ...formatted,
          message: mapped.message,
          extensions: { ...formatted.extensions, code: mapped.code, retryable: original.retryable },
        });
      }
    }
    if (formatted.extensions?.code === ApiErrorCode.INTERNAL_SERVER_ERROR) {
      options.logger?.error({ err: original }, 'internal error');
      if (options.production) {
        return {
          message: 'Internal server error.',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR },
        };
      }
    }
    return strip(formatted);
  };
}

/** Operations that take at least this long are logged at info; the others at debug. */
export const SLOW_OPERATION_MS = 250;

/**
 * Operation timings, errors and graph-query counts, as metrics and one log
 * line per operation: at info when it failed or took SLOW_OPERATION_MS or
 * more, at debug otherwise.
 */
function observabilityPlugin(options: ApolloOptions): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, operation, errors }) {
          const seconds = (performance.now() - started) / 1000;
          // Cut like the metric label: a client may send a 95 KB operation name.
          const name = (operationName ?? '(anonymous)').slice(0, OPERATION_NAME_MAX_LENGTH);
          if (options.metrics) {
            const label = options.metrics.operationLabels.labelOf(operationName);
            options.metrics.operationDuration.observe(
              { operation: label, type: operation?.operation ?? 'unknown' },
              seconds,
            );
            for (const error of errors ?? []) {
              options.metrics.operationErrors.inc({
                operation: label,
                code: String(error.extensions?.code ?? 'UNKNOWN'),
              });
            }
          }
          // One line per operation at info would cost every request a synchronous write to stdout;
          // only slow or failed operations earn it (docs/performance.md, "HTTP path").
          const level =
            seconds * 1000 >= SLOW_OPERATION_MS || (errors?.length ?? 0) > 0 ? 'info' : 'debug';
          options.logger?.[level](
            {
              reqId: contextValue.requestId,
              operationName: name,
              durationMs: Math.round(seconds * 1000 * 10) / 10,
              graphQueries: contextValue.budget.queries,
              errors: errors?.length ?? 0,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

/** The Apollo server for `schema.graphql`, with limits, error shaping and observability. */
export function createApolloServer(options: ApolloOptions): ApolloServer<ApiContext> {
  const armor = new ApolloArmor({
    // Depth counts fields: inline fragments and spreads on Entity and the unions are not levels.
    maxDepth: { n: options.limits.maxDepth, flattenFragments: true, ignoreIntrospection: true },
    maxAliases: { n: options.limits.maxAliases },
    // Tokens are limited by graphql-js's parser (`parseOptions`): armor's parser plugin
    // rethrows from `unexpectedErrorProcessingRequest`, which Apollo answers with HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.production },
  });
  const protection = armor.protect();
  return new ApolloServer<ApiContext>({
    ...protection,
    typeDefs: loadTypeDefs(),
    resolvers,
    parseOptions: { maxTokens: options.limits.maxTokens },
    introspection: options.introspection,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    // The process owns SIGTERM/SIGINT (src/cli/serve.ts drains in-flight requests first). Apollo's own
    // handlers, on whenever NODE_ENV is not "test", would stop it and re-raise the signal at once (exit 143).
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: [...protection.validationRules, costLimitRule(options.limits.maxCost)],
    plugins: [
      ...protection.plugins,
      ...(options.drain ? [ApolloServerPluginDrainHttpServer(options.drain)] : []),
      responseBoundsPlugin({
        maxResponseBytes: options.responseLimitBytes ?? Infinity,
        timeoutMs: options.queryTimeoutMs,
      }),
      observabilityPlugin(options),
      fieldErrorsPlugin(formatErrorFor(options)),
      ...cacheControlPlugins(),
      ...(options.responseCache ?? []),
      // Browsers get our bundled GraphiQL instead (src/server/playground.ts): Apollo's pages load scripts from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: formatErrorFor(options),
  });
}
