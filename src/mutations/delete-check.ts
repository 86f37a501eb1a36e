import type { MutationDeleteEntityArgs } from '../generated/resolvers-types';
import { checkId } from '../model/validate';

/** Checks `deleteEntity` arguments: a valid id, and whether to cascade. */
export function checkDeleteArgs(args: MutationDeleteEntityArgs): { id: string; cascade: boolean } {
  return { id: checkId('id', args.id), cascade: args.cascade === true };
}
