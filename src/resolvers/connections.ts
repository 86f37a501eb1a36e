import type {
  EntityOrder,
  QueryPeopleArgs,
  QuerySourcesArgs,
  QueryStatementsArgs,
  StatementOrder,
} from '../generated/resolvers-types';
import type { GraphNode, KeyedNode, KeysetWindow } from '../graph';
import type { EntityLabel, OrderKey } from '../model/graph-model';
import { checkText } from '../model/validate';
import { BadUserInputError } from '../errors';
import type { ApiContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './arguments';

interface PageRequest {
  /** One page of the list, `limit` rows after the cursor. */
  readonly fetch: (window: KeysetWindow) => Promise<KeyedNode[]>;
  readonly count: () => Promise<number>;
  readonly keyType: 'string' | 'number';
  readonly orderKey: OrderKey;
  readonly first: number;
  readonly after: string | null | undefined;
  readonly descending: boolean;
}

/** A Relay connection as resolvers hold it: `totalCount` runs its count query only when asked for. */
export interface ConnectionModel {
  readonly edges: Array<{ cursor: string; node: GraphNode }>;
  readonly pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount(): Promise<number>;
}

/** Field resolvers shared by every connection type. */
export const connectionFields = {
  totalCount: (connection: ConnectionModel) => connection.totalCount(),
};

async function page(request: PageRequest): Promise<ConnectionModel> {
  const after = decodeCursor(request.after, request.keyType);
  const window: KeysetWindow = {
    after,
    orderKey: request.orderKey,
    descending: request.descending,
    limit: request.first + 1,
  };
  const nodes = request.first === 0 ? [] : await request.fetch(window);
  const visible = nodes.slice(0, request.first);
  const edges = visible.map(({ node, key }) => ({ cursor: encodeCursor(key, node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: nodes.length > request.first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: request.count,
  };
}

const ORDER_KEYS: Record<string, OrderKey> = { NAME: 'name', ID: 'id', ORDINAL: 'ordinal' };

function orderOf(order: EntityOrder | StatementOrder | null | undefined, fallback: string) {
  const field = order?.field ?? fallback;
  return { orderKey: ORDER_KEYS[field] ?? 'name', descending: order?.direction === 'DESC' };
}

/** The lower-cased substring filter; empty for none. */
const containsFilter = (argument: string, value: string | null | undefined): string =>
  value ? checkText(argument, value, { max: 200 }).toLowerCase() : '';

/** `people`, `states`, ...: one entity label, keyset-paged. The six list fields share one argument type. */
export function entityConnection(label: EntityLabel) {
  return (_root: unknown, args: QueryPeopleArgs, ctx: ApiContext) => {
    const first = pageSize(args.first);
    const ids = [...(args.filter?.ids ?? [])];
    if (ids.length > 100)
      throw new BadUserInputError('filter.ids', `accepts at most 100 ids; got ${ids.length}.`);
    const order = orderOf(args.orderBy, 'NAME');
    const filter = {
      nameContains: containsFilter('filter.nameContains', args.filter?.nameContains),
      category: args.filter?.category ?? '',
      ids,
    };
    return page({
      fetch: (window) => ctx.queries.entityPage(label, filter, window),
      count: () => ctx.queries.entityCount(label, filter),
      keyType: 'string',
      orderKey: order.orderKey,
      first,
      after: args.after,
      descending: order.descending,
    });
  };
}

/** `sources`: their own queries (sources have no category and no orderBy), by title ascending. */
export function sourceConnection(_root: unknown, args: QuerySourcesArgs, ctx: ApiContext) {
  const first = pageSize(args.first);
  // The argument keeps the name entity lists use, so the message reads as it always has.
  const filter = {
    nameContains: containsFilter('filter.nameContains', args.filter?.titleContains),
    ids: [],
  };
  return page({
    fetch: (window) => ctx.queries.sourcePage(filter, window),
    count: () => ctx.queries.sourceCount(filter),
    keyType: 'string',
    orderKey: 'name',
    first,
    after: args.after,
    descending: false,
  });
}

export function statementConnection(_root: unknown, args: QueryStatementsArgs, ctx: ApiContext) {
  const f = args.filter ?? {};
  const order = orderOf(args.orderBy, 'ORDINAL');
  const filter = {
    kind: f.kind ?? '',
    textContains: containsFilter('filter.textContains', f.textContains),
    speakerId: f.speakerId ?? '',
    mentionsId: f.mentionsId ?? '',
    addressedToId: f.addressedToId ?? '',
    sourceId: f.sourceId ?? '',
  };
  return page({
    fetch: (window) => ctx.queries.statementPage(filter, window),
    count: () => ctx.queries.statementCount(filter),
    keyType: order.orderKey === 'ordinal' ? 'number' : 'string',
    orderKey: order.orderKey,
    first: pageSize(args.first),
    after: args.after,
    descending: order.descending,
  });
}
