/**
 * The typed queries over Cypher: each function renders one named query of
 * `cypher/`, runs it through the port and decodes its columns. This file and
 * its neighbours are the only code that renders templates or reads columns.
 */
import { embeddedSearchParams } from '../embedded/embedded-search';
import type { CypherLibrary } from '../cypher-library';
import { neo4jSearchParams } from '../neo4j/neo4j-search';
import type { CypherQuery, EngineKind, GraphPort, GraphTransaction, RunOptions } from '../port';
import {
  type GraphNode,
  type GraphRelationship,
  type Params,
  type Row,
  isGraphNode,
  isGraphRelationship,
} from '../values';
import {
  ACTOR_LABELS,
  ENTITY_LABELS,
  NODE_LABELS,
  type EntityLabel,
  type NodeLabel,
  type RelationshipType,
  isEntityLabel,
  relationshipSpec,
} from '../../model/graph-model';
import { type AsOfReads, asOfReads } from './as-of-queries';
import { type NodeRecord, linkValue, nodeRow } from './node-rows';
import type { QueryName } from './query-names';
import type {
  EntityFilter,
  EstimateOf,
  KeyedNode,
  KeysetWindow,
  KnownEntityRow,
  LinkRecord,
  NamedCount,
  Neighbour,
  PathFound,
  RankedNode,
  Related,
  SearchHit,
  ProjectionQuery,
  ProjectionRow,
  SourceFilter,
  SpokenStatementRow,
  StatementFilter,
  TraversalShape,
} from './rows';

/** The reads every caller may run outside a transaction (the asOf views: `as-of-queries.ts`). */
export interface ReadQueries extends AsOfReads {
  /** Nodes by id among `labels`: one query for the whole batch. Unknown ids are absent. */
  nodesByIds(labels: readonly NodeLabel[], ids: readonly string[]): Promise<Map<string, GraphNode>>;
  /**
   * Related nodes of each parent along `traversal`, at most `limit` each, in
   * the traversal's order. With `withSources`, a traversal that ends at
   * statements also returns each statement's source (`Related.source`), in
   * the same query.
   */
  traverse(
    traversal: TraversalShape,
    ids: readonly string[],
    limit: number,
    options?: { readonly withSources?: boolean },
  ): Promise<Map<string, Related[]>>;
  /** How many incoming relationships of the traversal's type, from its node labels, each parent has. */
  countIncoming(traversal: TraversalShape, ids: readonly string[]): Promise<Map<string, number>>;
  entityPage(label: EntityLabel, filter: EntityFilter, window: KeysetWindow): Promise<KeyedNode[]>;
  entityCount(label: EntityLabel, filter: EntityFilter): Promise<number>;
  /** Sources page by name (their title) ascending; the window's order is ignored. */
  sourcePage(filter: SourceFilter, window: KeysetWindow): Promise<KeyedNode[]>;
  sourceCount(filter: SourceFilter): Promise<number>;
  statementPage(filter: StatementFilter, window: KeysetWindow): Promise<KeyedNode[]>;
  statementCount(filter: StatementFilter): Promise<number>;
  /** Ranked text search over `labels`; `text` is lower-cased. The engine's dialect builds its own parameters. */
  search(text: string, labels: readonly NodeLabel[], limit: number): Promise<SearchHit[]>;
  /** Every relationship of the frontier nodes, either direction, at most `limit` rows. */
  neighbours(ids: readonly string[], limit: number): Promise<Neighbour[]>;
  /** A shortest chain between two nodes in either direction (at most 6 hops), or null. */
  shortestPath(from: string, to: string): Promise<PathFound | null>;
  topMentioned(labels: readonly EntityLabel[], limit: number): Promise<RankedNode[]>;
  speakers(limit: number): Promise<RankedNode[]>;
  coMentions(id: string, limit: number): Promise<RankedNode[]>;
  countByLabel(): Promise<NamedCount[]>;
  countByType(): Promise<NamedCount[]>;
  /**
   * The raw links of one analytics projection (`cypher/projection/*`), in one
   * query: per row a source id (none for co-mention rows, whose ids are
   * linked pairwise) and the ids it links to.
   */
  projectionRows(projection: ProjectionQuery): Promise<ProjectionRow[]>;
  /** The id of the source already holding text with this content hash, or null. */
  sourceWithHash(contentHash: string): Promise<string | null>;
  /** Every entity of the graph, ordered by id: what report ingestion resolves mentions against. */
  knownEntities(): Promise<KnownEntityRow[]>;
  /** The statements these actors made (one query), for ingestion to match repeated claims against. */
  statementsBySpeakers(speakerIds: readonly string[]): Promise<SpokenStatementRow[]>;
}

/** What a write transaction may run: the reads it needs to check its input, and the writes. */
export interface WriteQueries {
  nodesByIds(labels: readonly NodeLabel[], ids: readonly string[]): Promise<Map<string, GraphNode>>;
  /** The stored relationship from `from` to `to`, or null. */
  relationshipBetween(
    type: RelationshipType,
    fromLabel: NodeLabel,
    toLabel: NodeLabel,
    from: string,
    to: string,
  ): Promise<GraphRelationship | null>;
  /** Every relationship of the given nodes, either direction, at most `limit` rows (as `ReadQueries.neighbours`). */
  neighbours(ids: readonly string[], limit: number): Promise<Neighbour[]>;
  /** Ids of the statements one actor made. */
  statementsMadeBy(label: NodeLabel, id: string): Promise<string[]>;
  estimatesOf(label: NodeLabel, id: string): Promise<EstimateOf[]>;
  /** Ids of the estimates the given statements gave. */
  estimatesAttributedTo(statementIds: readonly string[]): Promise<string[]>;
  /** The reading position a new statement takes in its source. */
  nextOrdinal(sourceId: string): Promise<number>;
  countByLabel(): Promise<NamedCount[]>;
  countByType(): Promise<NamedCount[]>;
  /** Creates or updates nodes of one label; returns them as stored. */
  upsertNodes(label: NodeLabel, records: readonly NodeRecord[]): Promise<GraphNode[]>;
  /**
   * Creates or updates relationships of one type between nodes of two labels:
   * merges them, then sets every property the model gives the type (one
   * missing from a record is written as null). A record with a property the
   * type does not have is an error, never silently dropped.
   */
  linkNodes(
    type: RelationshipType,
    fromLabel: NodeLabel,
    toLabel: NodeLabel,
    links: readonly LinkRecord[],
  ): Promise<GraphRelationship[]>;
  /** Removes the relationship if present; returns how many were removed. */
  unlink(
    type: RelationshipType,
    fromLabel: NodeLabel,
    toLabel: NodeLabel,
    from: string,
    to: string,
  ): Promise<number>;
  /** Deletes nodes of one label with all their relationships. */
  deleteNodes(label: NodeLabel, ids: readonly string[]): Promise<void>;
  sourceWithHash(contentHash: string): Promise<string | null>;
  knownEntities(): Promise<KnownEntityRow[]>;
  statementsBySpeakers(speakerIds: readonly string[]): Promise<SpokenStatementRow[]>;
  /** Which of `ids` the graph already uses, whatever the label (one IN-list query). */
  takenIds(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Creates entities of one label in one UNWIND query; an id that already
   * exists keeps every stored property (ON CREATE only). Returns how many rows were written.
   */
  createEntities(label: EntityLabel, records: readonly NodeRecord[]): Promise<number>;
  /** Creates or updates ingested statements, with their evidence offsets, in one UNWIND query. */
  upsertIngestedStatements(records: readonly NodeRecord[]): Promise<number>;
  /** Creates or updates ingested estimates in one UNWIND query (values may be whole or fractional). */
  upsertIngestedEstimates(records: readonly NodeRecord[]): Promise<number>;
}

/** The query layer: reads, and write transactions over `WriteQueries`. */
export interface GraphQueries extends ReadQueries {
  /** Runs `work` in one write transaction: all of it commits or none does. See `GraphPort.writeTransaction`. */
  writeTransaction<T>(work: (tx: WriteQueries) => Promise<T>, options?: RunOptions): Promise<T>;
}

/** The part of a port the query layer needs; a request-scoped view has no `close`. */
export type QueryPort = Pick<GraphPort, 'engine' | 'read' | 'writeTransaction'>;

/** Each engine's parameters for `search/text`: its dialect, below the port. */
const SEARCH_DIALECT: Record<EngineKind, (text: string) => Params> = {
  neo4j: neo4jSearchParams,
  embedded: embeddedSearchParams,
};

const ALL_LABELS = NODE_LABELS.join('|');

type Run = (query: CypherQuery, params?: Params) => Promise<Row[]>;

const labelsOf = (labels: readonly string[]): string => labels.join('|');
const nodesIn = (rows: Row[], column: string): GraphNode[] =>
  rows.map((r) => r[column]).filter(isGraphNode);
const total = (row: Row | undefined): number => Number(row?.total ?? 0);
const ranked = (rows: Row[]): RankedNode[] =>
  rows
    .filter((r) => isGraphNode(r.node))
    .map((r) => ({ node: r.node as GraphNode, total: Number(r.total) }));
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
/** Each projection's query and the columns holding its source and target ids. */
const PROJECTION_COLUMNS: Record<
  ProjectionQuery,
  { query: QueryName; source: string | null; targets: string }
> = {
  'co-mention': { query: 'projection/co-mention', source: null, targets: 'mentioned' },
  'speaker-mention': {
    query: 'projection/speaker-mention',
    source: 'speaker',
    targets: 'mentioned',
  },
  'entity-graph': { query: 'projection/entity-graph', source: 'source', targets: 'targets' },
};
const named = (rows: Row[]): NamedCount[] =>
  rows.map((r) => ({ name: String(r.name), total: Number(r.total) }));
const keyed = (rows: Row[]): KeyedNode[] =>
  rows.filter((r) => isGraphNode(r.n)).map((r) => ({ node: r.n as GraphNode, key: r.key ?? null }));

function windowParams(window: KeysetWindow): Params {
  // The embedded engine cannot type a null parameter: "no cursor" is an empty id and a key of the sort key's type.
  const noKey = window.orderKey === 'ordinal' ? -1 : '';
  return {
    afterKey: window.after?.key ?? noKey,
    afterId: window.after?.id ?? '',
    reverse: window.descending,
    limit: window.limit,
  };
}
/**
 * Which statement list query serves a filter: with `mentionsId` the one that
 * starts from the mentioned entity, else with `speakerId` the one that starts
 * from the speaker, else the plain scan. The anchored forms answer the same
 * rows, 30-60% faster (docs/performance.md, "Issue 15, second pass"); the
 * other filters still apply in each.
 */
function statementQuery(
  kind: 'page' | 'count',
  filter: StatementFilter,
): { name: QueryName; slots: Record<string, string> } {
  if (filter.mentionsId !== '')
    return { name: `read/statement-${kind}-mentioning`, slots: { anchorLabels: MENTIONABLE } };
  if (filter.speakerId !== '')
    return { name: `read/statement-${kind}-by-speaker`, slots: { anchorLabels: SPEAKERS } };
  return { name: `read/statement-${kind}`, slots: {} };
}
/** Every label a statement's MENTIONS can end at, and every label that can make one. */
const MENTIONABLE = labelsOf([
  ...new Set(relationshipSpec('MENTIONS').endpoints.map(([, to]) => to)),
]);
const SPEAKERS = labelsOf([...new Set(relationshipSpec('MADE').endpoints.map(([from]) => from))]);

const orderSlots = (window: KeysetWindow) => ({
  orderKey: window.orderKey,
  direction: window.descending ? 'DESC' : 'ASC',
});

function traversalSlots(traversal: TraversalShape): Record<string, string> {
  return {
    type: traversal.type,
    parentLabels: labelsOf(traversal.parentLabels),
    nodeLabels: labelsOf(traversal.nodeLabels),
    orderKey: traversal.orderKey,
    ...(traversal.newestBy ? { dateKey: traversal.newestBy } : {}),
  };
}

/** The query a traversal runs: newest first by a relationship date when the model says so. */
function traversalQuery(traversal: TraversalShape): QueryName {
  if (traversal.newestBy) {
    if (traversal.direction !== 'outgoing')
      throw new Error(`newestBy is for outgoing traversals; ${traversal.type} is incoming.`);
    return 'traverse/outgoing-newest';
  }
  return `traverse/${traversal.direction}`;
}

/**
 * Whether a traversal can fetch its statements' sources in the same query: it
 * ends at statements only, and is not REPORTED_IN itself. One query instead
 * of a second batch for `Statement.source` (docs/performance.md); asked for
 * only when the request selects the source, since the join costs otherwise.
 */
export function withSource(traversal: TraversalShape): boolean {
  return (
    traversal.type !== 'REPORTED_IN' &&
    traversal.nodeLabels.length === 1 &&
    traversal.nodeLabels[0] === 'Statement'
  );
}

/** One entry of a traversal's `items` column, with its sources when the query fetched them. */
function relatedOf(item: unknown): Related[] {
  const { node, rel, sources } = (item ?? {}) as Record<string, unknown>;
  if (!isGraphNode(node) || !isGraphRelationship(rel)) return [];
  if (!Array.isArray(sources)) return [{ node, rel }];
  return [{ node, rel, sources: sources.flatMap(relatedOf) }];
}

/** The one place a query name becomes query text. */
const queryOf = (
  cypher: CypherLibrary,
  name: QueryName,
  slots: Record<string, string> = {},
): CypherQuery => cypher.render(name, slots);

function nodesByIds(cypher: CypherLibrary, run: Run) {
  return async (
    labels: readonly NodeLabel[],
    ids: readonly string[],
  ): Promise<Map<string, GraphNode>> => {
    const found = new Map<string, GraphNode>();
    if (ids.length === 0) return found;
    const rows = await run(queryOf(cypher, 'read/nodes-by-ids', { labels: labelsOf(labels) }), {
      ids: [...new Set(ids)],
    });
    for (const node of nodesIn(rows, 'n')) found.set(node.id, node);
    return found;
  };
}

function neighbours(cypher: CypherLibrary, run: Run) {
  return async (ids: readonly string[], limit: number): Promise<Neighbour[]> => {
    const rows = await run(queryOf(cypher, 'neighborhood/expand', { labels: ALL_LABELS }), {
      ids: [...ids],
      limit,
    });
    return rows.flatMap(({ a, r, b }) =>
      isGraphNode(a) && isGraphNode(b) && isGraphRelationship(r)
        ? [{ from: a, rel: r, to: b }]
        : [],
    );
  };
}

/** The reads report ingestion needs, inside or outside a transaction. */
const ingestReads = (cypher: CypherLibrary, run: Run) => ({
  async sourceWithHash(contentHash: string): Promise<string | null> {
    const [row] = await run(queryOf(cypher, 'ingest/source-by-hash'), { contentHash });
    return typeof row?.id === 'string' ? row.id : null;
  },
  async knownEntities(): Promise<KnownEntityRow[]> {
    const rows = await run(
      queryOf(cypher, 'ingest/known-entities', { labels: labelsOf(ENTITY_LABELS) }),
    );
    return nodesIn(rows, 'n').flatMap((n) => {
      if (!isEntityLabel(n.label)) return [];
      const name = typeof n.properties.name === 'string' ? n.properties.name : n.id;
      return [{ id: n.id, label: n.label, name, aliases: strings(n.properties.aliases) }];
    });
  },
  async statementsBySpeakers(speakerIds: readonly string[]): Promise<SpokenStatementRow[]> {
    if (speakerIds.length === 0) return [];
    const rows = await run(
      queryOf(cypher, 'ingest/statements-by-speakers', { labels: labelsOf(ACTOR_LABELS) }),
      { ids: [...new Set(speakerIds)] },
    );
    return rows.map((r) => ({
      speakerId: String(r.speakerId),
      id: String(r.id),
      kind: String(r.kind),
      text: typeof r.text === 'string' ? r.text : '',
    }));
  },
});

const counts = (cypher: CypherLibrary, run: Run) => ({
  countByLabel: async () => named(await run(queryOf(cypher, 'aggregate/count-by-label'))),
  countByType: async () => named(await run(queryOf(cypher, 'aggregate/count-by-type'))),
});

/** The reads, over any way of running a read query. */
export function cypherReads(cypher: CypherLibrary, run: Run): ReadQueries {
  const q = (name: QueryName, slots?: Record<string, string>) => queryOf(cypher, name, slots);
  return {
    nodesByIds: nodesByIds(cypher, run),
    async traverse(traversal, ids, limit, options) {
      const byParent = new Map<string, Related[]>();
      if (limit === 0 || ids.length === 0) return byParent;
      const name =
        options?.withSources && withSource(traversal)
          ? (`traverse/${traversal.direction}-with-source` as const)
          : traversalQuery(traversal);
      const rows = await run(q(name, traversalSlots(traversal)), { ids: [...ids], limit });
      for (const row of rows) {
        const items = Array.isArray(row.items) ? row.items : [];
        byParent.set(String(row.parentId), items.flatMap(relatedOf));
      }
      return byParent;
    },
    async countIncoming(traversal, ids) {
      const { type, parentLabels, nodeLabels } = traversalSlots(traversal);
      const rows = await run(q('traverse/count-incoming', { type, parentLabels, nodeLabels }), {
        ids: [...ids],
      });
      return new Map(rows.map((r) => [String(r.parentId), Number(r.total)]));
    },
    async entityPage(label, filter, window) {
      const rows = await run(q('read/entity-page', { label, ...orderSlots(window) }), {
        ...entityParams(filter),
        ...windowParams(window),
      });
      return keyed(rows);
    },
    async entityCount(label, filter) {
      return total((await run(q('read/entity-count', { label }), entityParams(filter)))[0]);
    },
    async sourcePage(filter, window) {
      return keyed(
        await run(q('read/source-page'), { ...sourceParams(filter), ...windowParams(window) }),
      );
    },
    async sourceCount(filter) {
      return total((await run(q('read/source-count'), sourceParams(filter)))[0]);
    },
    async statementPage(filter, window) {
      const { name, slots } = statementQuery('page', filter);
      return keyed(
        await run(q(name, { ...slots, ...orderSlots(window) }), {
          ...filter,
          ...windowParams(window),
        }),
      );
    },
    async statementCount(filter) {
      const { name, slots } = statementQuery('count', filter);
      return total((await run(q(name, slots), { ...filter }))[0]);
    },
    async search(text, labels, limit) {
      const params = { text, limit, ...SEARCH_DIALECT[cypher.engine](text) };
      const rows = await run(q('search/text', { labels: labelsOf(labels) }), params);
      return rows
        .filter((r) => isGraphNode(r.node))
        .map((r) => ({ node: r.node as GraphNode, score: Number(r.score) }));
    },
    neighbours: neighbours(cypher, run),
    async shortestPath(from, to) {
      const [row] = await run(q('path/shortest', { labels: ALL_LABELS }), { from, to });
      if (!row) return null;
      const nodes = (Array.isArray(row.nodes) ? row.nodes : []).filter(isGraphNode);
      const relationships = (Array.isArray(row.relationships) ? row.relationships : []).filter(
        isGraphRelationship,
      );
      return { nodes, relationships };
    },
    async topMentioned(labels, limit) {
      return ranked(
        await run(q('aggregate/top-mentioned', { labels: labelsOf(labels) }), { limit }),
      );
    },
    async speakers(limit) {
      return ranked(await run(q('aggregate/speakers'), { limit }));
    },
    async coMentions(id, limit) {
      return ranked(
        await run(q('aggregate/co-mentions', { labels: labelsOf(ENTITY_LABELS) }), { id, limit }),
      );
    },
    async projectionRows(projection) {
      const { query, source, targets } = PROJECTION_COLUMNS[projection];
      return (await run(q(query))).map((r) => ({
        source: source ? String(r[source]) : null,
        targets: strings(r[targets]),
      }));
    },
    ...counts(cypher, run),
    ...ingestReads(cypher, run),
    ...asOfReads(cypher, run, SEARCH_DIALECT[cypher.engine]),
  };
}

const entityParams = (filter: EntityFilter): Params => ({
  nameContains: filter.nameContains,
  category: filter.category,
  ids: [...filter.ids],
});
const sourceParams = (filter: SourceFilter): Params => ({
  nameContains: filter.nameContains,
  ids: [...filter.ids],
});

/** The query that writes nodes of `label`, and whether it takes a batch of rows. */
function upsertQuery(cypher: CypherLibrary, label: NodeLabel) {
  if (isEntityLabel(label))
    return { query: queryOf(cypher, 'write/upsert-entities', { label }), batch: true };
  if (label === 'Statement')
    return { query: queryOf(cypher, 'write/upsert-statements'), batch: true };
  if (label === 'Source') return { query: queryOf(cypher, 'write/upsert-sources'), batch: true };
  return { query: queryOf(cypher, 'write/upsert-estimate'), batch: false };
}

/** The queries of one write transaction. */
export function cypherWrites(cypher: CypherLibrary, tx: GraphTransaction): WriteQueries {
  const run: Run = (query, params) => tx.run(query, params);
  const q = (name: QueryName, slots?: Record<string, string>) => queryOf(cypher, name, slots);
  return {
    nodesByIds: nodesByIds(cypher, run),
    neighbours: neighbours(cypher, run),
    async relationshipBetween(type, fromLabel, toLabel, from, to) {
      const [row] = await run(q('read/relationship-between', { type, fromLabel, toLabel }), {
        from,
        to,
      });
      return isGraphRelationship(row?.r) ? row.r : null;
    },
    async statementsMadeBy(label, id) {
      return (await run(q('read/statements-made-by', { label }), { id })).map((r) => String(r.id));
    },
    async estimatesOf(label, id) {
      const rows = await run(q('read/estimates-of', { label }), { id });
      return rows.map((r) => ({
        estimateId: String(r.estimateId),
        statementId: String(r.statementId),
      }));
    },
    async estimatesAttributedTo(statementIds) {
      return (await run(q('read/estimates-attributed-to'), { ids: [...statementIds] })).map((r) =>
        String(r.id),
      );
    },
    async nextOrdinal(sourceId) {
      const [row] = await run(q('read/next-ordinal'), { sourceId });
      return Number(row?.next ?? 1);
    },
    ...counts(cypher, run),
    async upsertNodes(label, records) {
      if (records.length === 0) return [];
      const { query, batch } = upsertQuery(cypher, label);
      const rows = records.map(nodeRow);
      const results: Row[] = [];
      if (batch) results.push(...(await run(query, { rows })));
      else for (const row of rows) results.push(...(await run(query, row)));
      return nodesIn(results, 'n');
    },
    async linkNodes(type, fromLabel, toLabel, links) {
      if (links.length === 0) return [];
      const properties = relationshipSpec(type).properties;
      for (const link of links) {
        const unknown = Object.keys(link.properties ?? {}).filter((key) => !(key in properties));
        if (unknown.length > 0) {
          throw new Error(
            `${type} ${link.from} -> ${link.to} has ${unknown.join(', ')}, which ${type} does not have; ` +
              `its properties are ${Object.keys(properties).join(', ') || 'none'} (src/model/graph-model.ts).`,
          );
        }
      }
      const slots = { type, fromLabel, toLabel };
      let rows = await run(q('write/link', slots), {
        rows: links.map(({ from, to }) => ({ from, to })),
      });
      for (const [key, property] of Object.entries(properties)) {
        const values = links.map(({ from, to, properties: given }) => ({
          from,
          to,
          value: linkValue(property, given?.[key]),
        }));
        // No value in any row: clear it without a parameter the embedded binder would type as STRING.
        rows = values.every((v) => v.value === null)
          ? await run(q('write/clear-link-property', { ...slots, key }), {
              rows: values.map(({ from, to }) => ({ from, to })),
            })
          : await run(q('write/set-link-property', { ...slots, key }), { rows: values });
      }
      return rows.map((r) => r.r).filter(isGraphRelationship);
    },
    async unlink(type, fromLabel, toLabel, from, to) {
      const [row] = await run(q('write/unlink', { type, fromLabel, toLabel }), { from, to });
      return Number(row?.removed ?? 0);
    },
    async deleteNodes(label, ids) {
      await run(q('write/delete-nodes', { label }), { ids: [...ids] });
    },
    ...ingestReads(cypher, run),
    async takenIds(ids) {
      if (ids.length === 0) return new Set();
      const rows = await run(q('ingest/taken-ids', { labels: ALL_LABELS }), {
        ids: [...new Set(ids)],
      });
      return new Set(rows.map((r) => String(r.id)));
    },
    // An empty list cannot be typed by the embedded binder: no rows, no query.
    async createEntities(label, records) {
      if (records.length === 0) return 0;
      const rows = await run(q('ingest/create-entities', { label }), {
        rows: records.map(nodeRow),
      });
      return rows.length;
    },
    async upsertIngestedStatements(records) {
      if (records.length === 0) return 0;
      return (await run(q('ingest/upsert-statements'), { rows: records.map(nodeRow) })).length;
    },
    async upsertIngestedEstimates(records) {
      if (records.length === 0) return 0;
      // A list of rows has one type per field and a figure may be whole or fractional: values travel as strings.
      const rows = records.map((r) => ({ ...nodeRow(r), value: String(r.value) }));
      return (await run(q('ingest/upsert-estimates'), { rows })).length;
    },
  };
}

/**
 * The query layer over a port and the engine's Cypher library.
 *
 * @example
 *   const queries = createQueries(graph.port, graph.cypher);
 *   const people = await queries.nodesByIds(['Person'], ['antony-blinken']);
 */
export function createQueries(port: QueryPort, cypher: CypherLibrary): GraphQueries {
  return {
    ...cypherReads(cypher, (query, params) => port.read(query, params)),
    writeTransaction: (work, options) =>
      port.writeTransaction((tx) => work(cypherWrites(cypher, tx)), options),
  };
}
