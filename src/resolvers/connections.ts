import type { GraphNode, KeyedNode, KeysetWindow } from '../graph';
import type { EntityLabel, OrderKey } from '../model/graph-model';
import { checkText } from '../model/validate';
import { BadUserInputError } from '../errors';
import type { ApiContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './arguments';

interface Order {
  field?: string | null;
  direction?: string | null;
}

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
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount(): Promise<number>;
}

/** Field resolvers shared by every connection type. */
export const connectionFields = { totalCount: (connection: ConnectionModel) => connection.totalCount() };

async function page(request: PageRequest): Promise<ConnectionModel> {
  const after = decodeCursor(request.after, request.keyType);
  const window: KeysetWindow = { after, orderKey: request.orderKey, descending: request.descending, limit: request.first + 1 };
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

function orderOf(order: Order | null | undefined, fallback: string) {
  const field = order?.field ?? fallback;
  return { orderKey: ORDER_KEYS[field] ?? 'name', descending: order?.direction === 'DESC' };
}

export interface EntityListArgs {
  first?: number | null;
  after?: string | null;
  filter?: { nameContains?: string | null; category?: string | null; ids?: readonly string[] | null; titleContains?: string | null } | null;
  orderBy?: Order | null;
}

/** `people`, `states`, ... and `sources`: one label, keyset-paged. */
export function entityConnection(label: EntityLabel | 'Source') {
  return (_root: unknown, args: EntityListArgs, ctx: ApiContext) => {
    const first = pageSize(args.first);
    const ids = [...(args.filter?.ids ?? [])];
    if (ids.length > 100) throw new BadUserInputError('filter.ids', `accepts at most 100 ids; got ${ids.length}.`);
    const contains = args.filter?.nameContains ?? args.filter?.titleContains;
    const order = orderOf(args.orderBy, 'NAME');
    const nameContains = contains ? checkText('filter.nameContains', contains, { max: 200 }).toLowerCase() : '';
    const common = { keyType: 'string' as const, first, after: args.after };
    // Sources have no category property and no orderBy: their own queries, by name ascending.
    if (label === 'Source') {
      const filter = { nameContains, ids };
      return page({
        ...common,
        fetch: (window) => ctx.queries.sourcePage(filter, window),
        count: () => ctx.queries.sourceCount(filter),
        orderKey: 'name',
        descending: false,
      });
    }
    const filter = { nameContains, category: args.filter?.category ?? '', ids };
    return page({
      ...common,
      fetch: (window) => ctx.queries.entityPage(label, filter, window),
      count: () => ctx.queries.entityCount(label, filter),
      orderKey: order.orderKey,
      descending: order.descending,
    });
  };
}

export interface StatementListArgs {
  first?: number | null;
  after?: string | null;
  filter?: {
    speakerId?: string | null;
    mentionsId?: string | null;
    addressedToId?: string | null;
    kind?: string | null;
    sourceId?: string | null;
    textContains?: string | null;
  } | null;
  orderBy?: Order | null;
}

export function statementConnection(_root: unknown, args: StatementListArgs, ctx: ApiContext) {
  const f = args.filter ?? {};
  const order = orderOf(args.orderBy, 'ORDINAL');
  const filter = {
    kind: f.kind ?? '',
    textContains: f.textContains ? checkText('filter.textContains', f.textContains, { max: 200 }).toLowerCase() : '',
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
