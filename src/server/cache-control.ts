import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * How long a CDN or browser may reuse a public read. Queries need no token
 * and writes are rare, so a minute of staleness is the price of caching.
 */
export const PUBLIC_READ_MAX_AGE_SECONDS = 60;

/**
 * `Cache-Control: max-age=60, public` on successful queries (most useful for
 * GET, which CDNs and browsers cache), `no-store` on mutations and on any
 * response with errors. The same policy is what the response cache
 * (src/server/response-cache.ts) stores entries under.
 *
 * Every query is public and every field would get the same default hint, so
 * the policy is set once per operation. Apollo's own cache-control plugin
 * would compute the same result from a hook on every resolved field, which
 * makes Apollo wrap every resolver (docs/performance.md, "HTTP path").
 */
export function cacheControlPlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, overallCachePolicy }) {
            if (operation?.operation === 'query')
              overallCachePolicy.replace({ maxAge: PUBLIC_READ_MAX_AGE_SECONDS, scope: 'PUBLIC' });
          },
          async willSendResponse({ response, overallCachePolicy }) {
            // Runs after fieldErrorsPlugin has added the resolvers' reported errors.
            const policy = overallCachePolicy.policyIfCacheable();
            const ok = response.body.kind === 'single' && !response.body.singleResult.errors;
            response.http.headers.set(
              'cache-control',
              policy && ok ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store',
            );
          },
        };
      },
    },
  ];
}
