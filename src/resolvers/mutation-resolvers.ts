import { authorizeWrite } from '../auth';
import type {
  MutationAddEstimateArgs,
  MutationAddStatementArgs,
  MutationDeleteEntityArgs,
  MutationLinkArgs,
  MutationMergeEntitiesArgs,
  MutationUnlinkArgs,
  MutationUpsertPersonArgs,
  MutationUpsertSourceArgs,
} from '../generated/resolvers-types';
import type { EntityLabel } from '../model/graph-model';
import type { WriteQueries } from '../graph';
import {
  addEstimate,
  addStatement,
  checkDeleteArgs,
  checkEntityInput,
  checkEstimateInput,
  checkLinkInput,
  checkMergeArgs,
  checkSourceInput,
  checkStatementInput,
  checkUnlinkInput,
  deleteEntity,
  link,
  mergeEntities,
  unlink,
  upsertNode,
} from '../mutations';
import type { ApiContext } from './context';

/**
 * Every mutation: authorize, check the input, then do all writes in one
 * transaction. Nothing is written when any step fails.
 */
function mutation<A, C, R>(
  check: (args: A) => C,
  write: (tx: WriteQueries, checked: C) => Promise<R>,
) {
  return async (_root: unknown, args: A, ctx: ApiContext): Promise<R> => {
    authorizeWrite(ctx.credentials);
    const checked = check(args);
    return ctx.queries.writeTransaction((tx) => write(tx, checked));
  };
}

/** Every entity upsert takes the same `EntityInput`; `upsertPerson`'s args stand for all six. */
function upsertEntity(label: EntityLabel) {
  return mutation(
    (args: MutationUpsertPersonArgs) => checkEntityInput(args.input),
    (tx, fields) => upsertNode(tx, label, fields),
  );
}

export const mutationResolvers = {
  Mutation: {
    upsertPerson: upsertEntity('Person'),
    upsertState: upsertEntity('State'),
    upsertOrganization: upsertEntity('Organization'),
    upsertMilitaryUnit: upsertEntity('MilitaryUnit'),
    upsertLocation: upsertEntity('Location'),
    upsertEvent: upsertEntity('Event'),
    upsertSource: mutation(
      (args: MutationUpsertSourceArgs) => checkSourceInput(args.input),
      (tx, fields) => upsertNode(tx, 'Source', fields),
    ),
    addStatement: mutation(
      (args: MutationAddStatementArgs) => checkStatementInput(args.input),
      addStatement,
    ),
    addEstimate: mutation(
      (args: MutationAddEstimateArgs) => checkEstimateInput(args.input),
      addEstimate,
    ),
    link: mutation((args: MutationLinkArgs) => checkLinkInput(args.input), link),
    unlink: mutation((args: MutationUnlinkArgs) => checkUnlinkInput(args.input), unlink),
    deleteEntity: mutation(
      (args: MutationDeleteEntityArgs) => checkDeleteArgs(args),
      (tx, { id, cascade }) => deleteEntity(tx, id, cascade),
    ),
    mergeEntities: mutation(
      (args: MutationMergeEntitiesArgs) => checkMergeArgs(args),
      mergeEntities,
    ),
  },
};
