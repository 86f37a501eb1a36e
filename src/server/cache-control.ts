import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';

/**
 * How long a CDN or browser may reuse a public read. Queries need no token
 * and writes are rare, so a minute of staleness is the price of caching.
 */
export const PUBLIC_READ_MAX_AGE_SECONDS = 60;

/**
 * `Cache-Control: max-age=60, public` on successful queries (most useful for
 * GET, which CDNs and browsers cache), `no-store` on mutations and on any
 * response with errors.
 */
export function cacheControlPlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: PUBLIC_READ_MAX_AGE_SECONDS }),
    {
      // Apollo's plugin would give a mutation's result the default max-age too.
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, overallCachePolicy }) {
            if (operation?.operation !== 'query') overallCachePolicy.restrict({ maxAge: 0 });
          },
        };
      },
    },
  ];
}
