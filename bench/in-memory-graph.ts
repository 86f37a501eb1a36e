/**
 * The query layer over plain JS maps: implements the same typed read queries
 * as `src/graph/queries` (`ReadQueries`), with the same plain values the
 * embedded engine returns. The real resolvers and loaders run on it
 * unchanged, so it measures the API's own overhead with no database behind it.
 *
 * Each typed call passes once through the request's port with an empty query
 * (answered by `SinkPort`), so the request's query count and deadline apply
 * exactly as they do to the Cypher layer, where one call is one query.
 */
import {
  CypherLibrary,
  withSource,
  type CypherQuery,
  type EntityFilter,
  type Graph,
  type GraphNode,
  type GraphPort,
  type GraphQueries,
  type GraphRelationship,
  type GraphValue,
  type KeyedNode,
  type KeysetWindow,
  type PathFound,
  type QueryPort,
  QueryStats,
  type ReadQueries,
  type Related,
  type Row,
  type SearchHit,
  type TraversalShape,
} from '../src/graph';
import { maxEditsFor } from '../src/graph/embedded/embedded-search';
import type { EntityLabel, NodeLabel } from '../src/model/graph-model';
import type { SyntheticGraph } from './synthetic-graph';

interface Edge {
  readonly rel: GraphRelationship;
  readonly other: GraphNode;
}

function withoutNulls(row: Record<string, unknown>): Record<string, GraphValue> {
  const out: Record<string, GraphValue> = {};
  for (const [k, v] of Object.entries(row))
    if (v !== null && v !== undefined) out[k] = v as GraphValue;
  return out;
}

function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

const cmp = (x: GraphValue | undefined, y: GraphValue | undefined): number => {
  if (x === y) return 0;
  if (x === undefined || x === null) return 1; // nulls last, as the engine sorts them
  if (y === undefined || y === null) return -1;
  return x < y ? -1 : 1;
};

/** The port under the in-memory layer: answers nothing, counts and times every call by name. */
class SinkPort implements GraphPort {
  readonly engine = 'embedded' as const;
  readonly stats = new QueryStats();

  async read(query: CypherQuery): Promise<Row[]> {
    this.stats.record(query.name, 0, false);
    return [];
  }

  async write(query: CypherQuery): Promise<Row[]> {
    throw new Error(`the in-memory graph is read-only (${query.name})`);
  }

  async writeTransaction<T>(): Promise<T> {
    throw new Error('the in-memory graph is read-only');
  }

  async close(): Promise<void> {}
}

const unsupported = (name: string) => async (): Promise<never> => {
  throw new Error(`in-memory graph: ${name} is not part of the benchmark scenarios`);
};

export class InMemoryGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly byLabel = new Map<string, GraphNode[]>();
  /** node id → relationship type → edges leaving it. */
  private readonly out = new Map<string, Map<string, Edge[]>>();
  private readonly in = new Map<string, Map<string, Edge[]>>();
  private readonly sorted = new Map<string, GraphNode[]>();

  constructor(data: SyntheticGraph) {
    for (const { label, row } of data.nodes) {
      const node: GraphNode = {
        kind: 'node',
        label,
        id: String(row.id),
        properties: withoutNulls(row),
      };
      this.nodes.set(node.id, node);
      const list = this.byLabel.get(label) ?? [];
      list.push(node);
      this.byLabel.set(label, list);
    }
    for (const r of data.rels) this.addRel(r.type, r.from, r.to, r.props);
  }

  /** A `Graph` whose requests get this layer (see `Graph.queryLayer`). */
  asGraph(): Graph {
    return {
      port: new SinkPort(),
      cypher: new CypherLibrary('embedded'),
      queryLayer: (port) => this.queriesOver(port),
    };
  }

  /** The typed queries, each call counted once through `port`. */
  queriesOver(port: QueryPort): GraphQueries {
    const reads = this.reads();
    const counted = Object.fromEntries(
      Object.entries(reads).map(([name, fn]) => [
        name,
        async (...args: unknown[]) => {
          await port.read({ name: `in-memory/${name}`, text: '' });
          return (fn as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as unknown as ReadQueries;
    return { ...counted, writeTransaction: unsupported('writeTransaction') };
  }

  private addRel(type: string, from: string, to: string, props: Record<string, unknown>): void {
    const a = this.nodes.get(from);
    const b = this.nodes.get(to);
    if (!a || !b) return;
    const rel: GraphRelationship = {
      kind: 'relationship',
      type,
      properties: withoutNulls(props),
      startId: from,
      endId: to,
    };
    const push = (index: Map<string, Map<string, Edge[]>>, id: string, edge: Edge) => {
      let byType = index.get(id);
      if (!byType) index.set(id, (byType = new Map()));
      const list = byType.get(type) ?? [];
      list.push(edge);
      byType.set(type, list);
    };
    push(this.out, from, { rel, other: b });
    push(this.in, to, { rel, other: a });
  }

  private reads(): ReadQueries {
    return {
      nodesByIds: async (labels, ids) => this.nodesByIds(labels, ids),
      traverse: async (traversal, ids, limit, options) =>
        this.traverse(traversal, ids, limit, options?.withSources ?? false),
      countIncoming: async (traversal, ids) =>
        new Map(ids.map((id) => [id, this.in.get(id)?.get(traversal.type)?.length ?? 0])),
      entityPage: async (label, filter, window) => this.page(label, filter, window),
      entityCount: async (label, filter) => this.matching(label, filter, 'name').length,
      sourcePage: unsupported('sourcePage'),
      sourceCount: unsupported('sourceCount'),
      statementPage: unsupported('statementPage'),
      statementCount: unsupported('statementCount'),
      search: async (text, labels, limit) => this.search(text, labels, limit),
      neighbours: async (ids, limit) => this.neighbours(ids, limit),
      shortestPath: async (from, to) => this.breadthFirst(from, to, 6),
      topMentioned: unsupported('topMentioned'),
      speakers: unsupported('speakers'),
      coMentions: unsupported('coMentions'),
      countByLabel: unsupported('countByLabel'),
      countByType: unsupported('countByType'),
      projectionRows: unsupported('projectionRows'),
      sourceWithHash: unsupported('sourceWithHash'),
      knownEntities: unsupported('knownEntities'),
      statementsBySpeakers: unsupported('statementsBySpeakers'),
      // The asOf views, the timeline and the rankings' report counts (issue 16) are not benchmarked.
      traverseAsOf: unsupported('traverseAsOf'),
      searchAsOf: unsupported('searchAsOf'),
      neighboursAsOf: unsupported('neighboursAsOf'),
      topMentionedAsOf: unsupported('topMentionedAsOf'),
      speakersAsOf: unsupported('speakersAsOf'),
      mentionReports: unsupported('mentionReports'),
      speakerReports: unsupported('speakerReports'),
      asOfCounts: unsupported('asOfCounts'),
      timeline: unsupported('timeline'),
    };
  }

  private nodesByIds(labels: readonly NodeLabel[], ids: readonly string[]): Map<string, GraphNode> {
    const found = new Map<string, GraphNode>();
    for (const id of ids) {
      const n = this.nodes.get(id);
      if (n && (labels as readonly string[]).includes(n.label)) found.set(id, n);
    }
    return found;
  }

  private traverse(
    traversal: TraversalShape,
    ids: readonly string[],
    limit: number,
    withSources: boolean,
  ): Map<string, Related[]> {
    const parents = new Set<string>(traversal.parentLabels);
    const targets = new Set<string>(traversal.nodeLabels);
    const index = traversal.direction === 'outgoing' ? this.out : this.in;
    const byParent = new Map<string, Related[]>();
    if (limit === 0) return byParent;
    for (const parentId of [...new Set(ids)].sort()) {
      const parent = this.nodes.get(parentId);
      if (!parent || !parents.has(parent.label)) continue;
      const edges = (index.get(parentId)?.get(traversal.type) ?? []).filter((e) =>
        targets.has(e.other.label),
      );
      if (edges.length === 0) continue;
      const key = traversal.orderKey;
      edges.sort(
        (x, y) =>
          cmp(x.other.properties[key], y.other.properties[key]) || cmp(x.other.id, y.other.id),
      );
      // As the embedded query does (`withSource`): each statement comes with its sources.
      const sourcesOf = (statement: GraphNode): Related['sources'] =>
        (this.out.get(statement.id)?.get('REPORTED_IN') ?? []).map((edge) => ({
          node: edge.other,
          rel: edge.rel,
        }));
      byParent.set(
        parentId,
        edges.slice(0, limit).map((e) => {
          return withSources && withSource(traversal)
            ? { rel: e.rel, node: e.other, sources: sourcesOf(e.other) }
            : { rel: e.rel, node: e.other };
        }),
      );
    }
    return byParent;
  }

  private matching(label: EntityLabel, filter: EntityFilter, orderKey: string): GraphNode[] {
    const key = `${label}:${orderKey}`;
    let list = this.sorted.get(key);
    if (!list) {
      list = [...(this.byLabel.get(label) ?? [])].sort(
        (x, y) => cmp(x.properties[orderKey], y.properties[orderKey]) || cmp(x.id, y.id),
      );
      this.sorted.set(key, list);
    }
    const only = new Set(filter.ids);
    return list.filter(
      (n) =>
        (filter.nameContains === '' ||
          String(n.properties.search ?? '').includes(filter.nameContains)) &&
        (filter.category === '' || n.properties.category === filter.category) &&
        (only.size === 0 || only.has(n.id)),
    );
  }

  private page(label: EntityLabel, filter: EntityFilter, window: KeysetWindow): KeyedNode[] {
    const list = this.matching(label, filter, window.orderKey);
    const ordered = window.descending ? [...list].reverse() : list;
    const rows: KeyedNode[] = [];
    for (const n of ordered) {
      if (rows.length >= window.limit) break;
      const k = n.properties[window.orderKey] ?? null;
      if (window.after) {
        const c = cmp(k, window.after.key) || cmp(n.id, window.after.id);
        if (window.descending ? c >= 0 : c <= 0) continue;
      }
      rows.push({ node: n, key: k });
    }
    return rows;
  }

  /** The embedded variant's scoring (cypher/search/text.embedded.cypher), in JS. */
  private search(text: string, labels: readonly NodeLabel[], limit: number): SearchHit[] {
    const maxEdits = maxEditsFor(text);
    const hits: SearchHit[] = [];
    for (const label of labels) {
      for (const n of this.byLabel.get(label) ?? []) {
        const search = String(n.properties.search ?? '');
        const lname = String(n.properties.name ?? '').toLowerCase();
        const has = search.includes(text);
        if (!has && levenshtein(lname, text, maxEdits) > maxEdits) continue;
        let score: number;
        if (n.properties.text !== undefined) score = has ? 0.5 : 0.4;
        else if (lname === text || ` | ${search} | `.includes(` | ${text} | `)) score = 1.0;
        else if (lname.startsWith(text)) score = 0.8;
        else if (has) score = 0.6;
        else score = 0.4;
        hits.push({ node: n, score });
      }
    }
    hits.sort(
      (x, y) =>
        y.score - x.score ||
        cmp(x.node.properties.name, y.node.properties.name) ||
        cmp(x.node.id, y.node.id),
    );
    return hits.slice(0, limit);
  }

  private neighbours(ids: readonly string[], limit: number) {
    const rows: Array<{ from: GraphNode; rel: GraphRelationship; to: GraphNode }> = [];
    for (const id of ids) {
      const a = this.nodes.get(id);
      if (!a) continue;
      for (const index of [this.out, this.in]) {
        for (const edges of index.get(id)?.values() ?? []) {
          for (const e of edges) {
            if (rows.length >= limit) return rows;
            rows.push({ from: a, rel: e.rel, to: e.other });
          }
        }
      }
    }
    return rows;
  }

  /** Breadth-first search over relationships in either direction. */
  private breadthFirst(from: string, to: string, maxHops: number): PathFound | null {
    if (!this.nodes.has(from) || !this.nodes.has(to)) return null;
    const previous = new Map<string, { id: string; rel: GraphRelationship } | null>([[from, null]]);
    let frontier = [from];
    for (let hop = 0; hop < maxHops && frontier.length > 0 && !previous.has(to); hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const index of [this.out, this.in]) {
          for (const edges of index.get(id)?.values() ?? []) {
            for (const e of edges) {
              if (previous.has(e.other.id)) continue;
              previous.set(e.other.id, { id, rel: e.rel });
              next.push(e.other.id);
            }
          }
        }
      }
      frontier = next;
    }
    if (!previous.has(to)) return null;
    const nodes: GraphNode[] = [];
    const relationships: GraphRelationship[] = [];
    for (let at: string | undefined = to; at !== undefined;) {
      nodes.unshift(this.nodes.get(at) as GraphNode);
      const step = previous.get(at);
      if (!step) break;
      relationships.unshift(step.rel);
      at = step.id;
    }
    return { nodes, relationships };
  }
}
