import { GraphQLError, type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { ApiContext } from './context';
import { pageSize } from './arguments';

/**
 * `first` of a relationship list, checked without nulling the parent.
 *
 * Relationship lists are non-null (`[Statement!]!`), so a thrown argument
 * error would null the whole parent object, taking its other fields with it.
 * Instead the error is reported on this field alone (its path, code and
 * `extensions.argument`, added to the response by `fieldErrorsPlugin`) and
 * the list comes back empty: null means "skip this list".
 */
export function listPageSize(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  first: number | null | undefined,
): number | null {
  return checkedOnField(ctx, info, () => pageSize(first)) ?? null;
}

/**
 * Runs an argument check of one field; an argument error (a GraphQLError) is
 * reported on this field alone, as `listPageSize` does, and gives undefined.
 */
export function checkedOnField<T>(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  check: () => T,
): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    ctx.fieldErrors.push(
      new GraphQLError(error.message, {
        nodes: info.fieldNodes,
        path: responsePathAsArray(info.path),
        extensions: error.extensions,
        originalError: error,
      }),
    );
    return undefined;
  }
}
