import type { GraphNode } from '../graph';
import { isGraphNode } from '../graph';
import type { NodeLabel } from '../model/graph-model';
import { BadUserInputError } from '../errors';
import type { ApiContext } from './context';
import { checkText, decodeCursor, encodeCursor, pageSize } from './arguments';

interface Order {
  field?: string | null;
  direction?: string | null;
}

interface PageRequest {
  readonly query: string;
  readonly countQuery: string;
  readonly slots: Record<string, string>;
  readonly filters: Record<string, string | string[]>;
  readonly keyType: 'string' | 'number';
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

async function page(ctx: ApiContext, request: PageRequest): Promise<ConnectionModel> {
  const cursor = decodeCursor(request.after, request.keyType);
  const noKey = request.keyType === 'number' ? -1 : '';
  const params = {
    ...request.filters,
    afterKey: cursor?.key ?? noKey,
    afterId: cursor?.id ?? '',
    reverse: request.descending,
    limit: request.first + 1,
  };
  const rows =
    request.first === 0 ? [] : await ctx.port.read(ctx.graph.cypher.render(request.query, request.slots), params);
  const nodes = rows.filter((r) => isGraphNode(r.n)).map((r) => ({ node: r.n as GraphNode, key: r.key }));
  const visible = nodes.slice(0, request.first);
  const edges = visible.map(({ node, key }) => ({ cursor: encodeCursor(key, node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: nodes.length > request.first,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: async () => {
      const [row] = await ctx.port.read(ctx.graph.cypher.render(request.countQuery, request.slots), request.filters);
      return Number(row?.total ?? 0);
    },
  };
}

const ORDER_KEYS: Record<string, string> = { NAME: 'name', ID: 'id', ORDINAL: 'ordinal' };

function orderOf(order: Order | null | undefined, fallback: string) {
  const field = order?.field ?? fallback;
  const direction = order?.direction === 'DESC' ? 'DESC' : 'ASC';
  return { orderKey: ORDER_KEYS[field] ?? 'name', direction, descending: direction === 'DESC' };
}

export interface EntityListArgs {
  first?: number | null;
  after?: string | null;
  filter?: { nameContains?: string | null; category?: string | null; ids?: readonly string[] | null; titleContains?: string | null } | null;
  orderBy?: Order | null;
}

/** `people`, `states`, ... and `sources`: one label, keyset-paged. */
export function entityConnection(label: NodeLabel) {
  return (_root: unknown, args: EntityListArgs, ctx: ApiContext) => {
    const first = pageSize(args.first);
    const ids = args.filter?.ids ?? [];
    if (ids.length > 100) throw new BadUserInputError('filter.ids', `accepts at most 100 ids; got ${ids.length}.`);
    const contains = args.filter?.nameContains ?? args.filter?.titleContains;
    const order = orderOf(args.orderBy, 'NAME');
    const nameContains = contains ? checkText('filter.nameContains', contains, { max: 200 }).toLowerCase() : '';
    // Sources have no category property (and no orderBy): their own query, without slots.
    const source = label === 'Source';
    return page(ctx, {
      query: source ? 'read/source-page' : 'read/entity-page',
      countQuery: source ? 'read/source-count' : 'read/entity-count',
      slots: source ? {} : { label, orderKey: order.orderKey, direction: order.direction },
      filters: source ? { nameContains, ids: [...ids] } : { nameContains, category: args.filter?.category ?? '', ids: [...ids] },
      keyType: 'string',
      first,
      after: args.after,
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
  return page(ctx, {
    query: 'read/statement-page',
    countQuery: 'read/statement-count',
    slots: { orderKey: order.orderKey, direction: order.direction },
    filters: {
      kind: f.kind ?? '',
      textContains: f.textContains ? checkText('filter.textContains', f.textContains, { max: 200 }).toLowerCase() : '',
      speakerId: f.speakerId ?? '',
      mentionsId: f.mentionsId ?? '',
      addressedToId: f.addressedToId ?? '',
      sourceId: f.sourceId ?? '',
    },
    keyType: order.orderKey === 'ordinal' ? 'number' : 'string',
    first: pageSize(args.first),
    after: args.after,
    descending: order.descending,
  });
}

