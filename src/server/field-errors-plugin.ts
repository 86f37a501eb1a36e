import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { ApiContext } from '../resolvers';

/**
 * Adds the errors resolvers reported without throwing (`ctx.fieldErrors`, see
 * src/resolvers/field-errors.ts) to the response, shaped like every other
 * error. Runs before the cache-control plugin, which must see them.
 */
export function fieldErrorsPlugin(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.fieldErrors.length === 0) return;
          const reported = contextValue.fieldErrors.map((error) => format(error.toJSON(), error));
          response.body.singleResult.errors = [
            ...(response.body.singleResult.errors ?? []),
            ...reported,
          ];
        },
      };
    },
  };
}
