import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApiErrorCode } from '../errors';
import type { ApiContext } from '../resolvers';

/** Stable code of a response cut at RESPONSE_LIMIT_BYTES. */
export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

type Stop = 'size' | 'time';

/**
 * Bytes a resolved field adds to the JSON response: its key, and its value
 * when that is a scalar (objects and lists are counted through their fields).
 * A lower bound of the serialised size, close enough to stop early.
 */
function bytesOf(key: string, value: unknown): number {
  const keyBytes = key.length + 4;
  if (typeof value === 'string') return keyBytes + value.length + 2;
  if (typeof value === 'number' || typeof value === 'boolean') return keyBytes + 8;
  return keyBytes;
}

/**
 * Bounds a query while it resolves, not only while the database works: each
 * field checks the request deadline and the bytes the response has reached.
 * Past either, every later field fails at once (freeing the work still
 * queued), and the answer carries one error for all of them. Past the size
 * limit the partial result is dropped (data null, RESPONSE_TOO_LARGE), so
 * serialising is bounded too. Past the deadline what resolved in time is
 * kept, with the fields after it null, as for a graph query that timed out
 * (one REQUEST_TIMEOUT error).
 *
 * Mutations are left alone: their result is one node, and answering a
 * timeout after the write committed would report a visible write as failed.
 */
export function responseBoundsPlugin(options: {
  readonly maxResponseBytes: number;
  /** The request deadline (QUERY_TIMEOUT_MS), for the message; the context's budget holds the deadline itself. */
  readonly timeoutMs?: number;
}): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      let bytes = 0;
      let stop: Stop | undefined;
      let failure: GraphQLError | undefined;
      /** With a path, graphql-js takes the error as located and reports it as it is. */
      const stopped = (reason: Stop, path?: readonly []): GraphQLError =>
        reason === 'size'
          ? new GraphQLError(
              `The response would be larger than ${options.maxResponseBytes} bytes (RESPONSE_LIMIT_BYTES), so it was stopped. ` +
                'Ask for fewer items (lower "first" or "limit"), fewer fields or fewer aliases.',
              {
                path,
                extensions: { code: RESPONSE_TOO_LARGE, maxBytes: options.maxResponseBytes },
              },
            )
          : new GraphQLError(
              `The request ran past its time limit${options.timeoutMs ? ` of ${options.timeoutMs} ms` : ''} while resolving and was stopped. Ask for less, or retry.`,
              { path, extensions: { code: ApiErrorCode.REQUEST_TIMEOUT, retryable: true } },
            );
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'query') return;
          return {
            willResolveField({ info, contextValue }) {
              if (stop === undefined && Date.now() > contextValue.budget.deadline) stop = 'time';
              if (stop !== undefined) {
                // One error for every later field: willSendResponse replaces them all, and a new
                // GraphQLError (with its stack) per field made a cut answer 6x slower than a full one.
                failure ??= stopped(stop, []);
                throw failure;
              }
              const key = info.path.key;
              return (error, result) => {
                if (error || stop !== undefined) return;
                bytes += bytesOf(typeof key === 'string' ? key : '', result);
                if (bytes > options.maxResponseBytes) stop = 'size';
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (stop === undefined || response.body.kind !== 'single') return;
          const { message, extensions } = stopped(stop);
          const error: GraphQLFormattedError = { message, extensions };
          if (stop === 'size') {
            response.body.singleResult = { data: null, errors: [error] };
            return;
          }
          const others = (response.body.singleResult.errors ?? []).filter(
            (e) => e.extensions?.code !== ApiErrorCode.REQUEST_TIMEOUT,
          );
          response.body.singleResult = {
            ...response.body.singleResult,
            errors: [error, ...others],
          };
        },
      };
    },
  };
}
