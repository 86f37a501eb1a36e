import type { EntityLabel } from '../model/graph-model';
import { authorizeWrite } from '../mutations/authorize';
import { deleteEntity } from '../mutations/delete-entity';
import { checkEntityInput, checkSourceInput, upsertNode } from '../mutations/entity-writes';
import { type LinkInput, checkLinkInput, link, unlink } from '../mutations/link-writes';
import {
  type AddEstimateInput,
  type AddStatementInput,
  addEstimate,
  addStatement,
  checkEstimateInput,
  checkStatementInput,
} from '../mutations/statement-writes';
import type { ApiContext } from './context';
import { checkId } from './arguments';

/**
 * Every mutation: authorize, check the input, then do all writes in one
 * transaction. Nothing is written when any step fails.
 */
function mutation<A, C, R>(check: (args: A) => C, write: (ctx: ApiContext, checked: C) => Promise<R>) {
  return async (_root: unknown, args: A, ctx: ApiContext): Promise<R> => {
    authorizeWrite(ctx.credentials);
    const checked = check(args);
    return write(ctx, checked);
  };
}

function upsertEntity(label: EntityLabel) {
  return mutation(
    (args: { input: Record<string, unknown> }) => checkEntityInput(args.input),
    (ctx, fields) => ctx.port.writeTransaction((tx) => upsertNode(tx, ctx.graph.cypher, label, fields)),
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
      (args: { input: Record<string, unknown> }) => checkSourceInput(args.input),
      (ctx, fields) => ctx.port.writeTransaction((tx) => upsertNode(tx, ctx.graph.cypher, 'Source', fields)),
    ),
    addStatement: mutation(
      (args: { input: AddStatementInput }) => checkStatementInput(args.input),
      (ctx, input) => ctx.port.writeTransaction((tx) => addStatement(tx, ctx.graph.cypher, input)),
    ),
    addEstimate: mutation(
      (args: { input: AddEstimateInput }) => checkEstimateInput(args.input),
      (ctx, input) => ctx.port.writeTransaction((tx) => addEstimate(tx, ctx.graph.cypher, input)),
    ),
    link: mutation(
      (args: { input: LinkInput }) => checkLinkInput(args.input),
      (ctx, input) => ctx.port.writeTransaction((tx) => link(tx, ctx.graph.cypher, input)),
    ),
    unlink: mutation(
      (args: { input: LinkInput }) => checkLinkInput({ ...args.input, properties: null }),
      (ctx, input) => ctx.port.writeTransaction((tx) => unlink(tx, ctx.graph.cypher, input)),
    ),
    deleteEntity: mutation(
      (args: { id: string; cascade?: boolean | null }) => ({ id: checkId('id', args.id), cascade: args.cascade === true }),
      (ctx, { id, cascade }) => ctx.port.writeTransaction((tx) => deleteEntity(tx, ctx.graph.cypher, id, cascade)),
    ),
  },
};
