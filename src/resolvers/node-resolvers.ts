import { BadUserInputError } from '../errors';
import { NODE_LABELS, type NodeLabel } from '../model/graph-model';
import type { ApiContext } from './context';
import { byLabel } from './entity-resolvers';
import { lookup, lookupField } from './lookups';

/** `nodes(ids:)` refuses longer lists, like the page-size limit of lists. */
export const MAX_NODE_IDS = 100;

/**
 * Relay Global Object Identification: `node(id:)` and `nodes(ids:)` look ids
 * up through the request's node loader, so all of them (and any other lookup
 * in the same request) are one batched query.
 */
export const nodeResolvers = {
  Node: byLabel<NodeLabel>(),
  Query: {
    node: lookupField(NODE_LABELS),
    estimate: lookupField(['Estimate']),
    nodes: (_root: unknown, args: { ids: readonly string[] }, ctx: ApiContext) => {
      if (args.ids.length > MAX_NODE_IDS) {
        throw new BadUserInputError(
          'ids',
          `must list at most ${MAX_NODE_IDS} ids; got ${args.ids.length}. Split the list into several requests.`,
        );
      }
      return Promise.all(args.ids.map((id) => lookup(ctx, NODE_LABELS, id)));
    },
  },
};
