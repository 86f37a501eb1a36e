import type { MutationMergeEntitiesArgs } from '../generated/resolvers-types';
import { BadUserInputError } from '../errors';
import { checkId } from '../model/validate';

/** Checks `mergeEntities` arguments: two valid, different ids. */
export function checkMergeArgs(args: MutationMergeEntitiesArgs): { keep: string; merge: string } {
  const keep = checkId('keep', args.keep);
  const merge = checkId('merge', args.merge);
  if (keep === merge)
    throw new BadUserInputError(
      'merge',
      `is the same entity as keep ("${keep}"); give two different ids.`,
    );
  return { keep, merge };
}
