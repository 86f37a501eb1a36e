/**
 * A `GraphPort` over plain JS maps: answers the handful of named queries the
 * benchmark scenarios use, by query name, with the same plain values the
 * embedded port returns. The real resolvers and loaders run on it unchanged,
 * so it measures the API's own overhead with no database behind it.
 */
import type { CypherQuery, GraphNode, GraphPort, GraphRelationship, GraphTransaction, GraphValue, Params, Row } from '../src/graph';
import { QueryStats } from '../src/graph';
import type { SyntheticGraph } from './synthetic-graph';

interface Edge {
  readonly rel: GraphRelationship;
  readonly other: GraphNode;
}

function withoutNulls(row: Record<string, unknown>): Record<string, GraphValue> {
  const out: Record<string, GraphValue> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[k] = v as GraphValue;
  return out;
}

function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
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

export class InMemoryPort implements GraphPort {
  readonly engine = 'embedded' as const;
  readonly stats = new QueryStats();
  private readonly nodes = new Map<string, GraphNode>();
  private readonly byLabel = new Map<string, GraphNode[]>();
  /** node id → relationship type → edges leaving it. */
  private readonly out = new Map<string, Map<string, Edge[]>>();
  private readonly in = new Map<string, Map<string, Edge[]>>();
  private readonly sorted = new Map<string, GraphNode[]>();

  constructor(data: SyntheticGraph) {
    for (const { label, row } of data.nodes) {
      const node: GraphNode = { kind: 'node', label, id: String(row.id), properties: withoutNulls(row) };
      this.nodes.set(node.id, node);
      const list = this.byLabel.get(label) ?? [];
      list.push(node);
      this.byLabel.set(label, list);
    }
    for (const r of data.rels) this.addRel(r.type, r.from, r.to, r.props);
  }

  private addRel(type: string, from: string, to: string, props: Record<string, unknown>): void {
    const a = this.nodes.get(from);
    const b = this.nodes.get(to);
    if (!a || !b) return;
    const rel: GraphRelationship = { kind: 'relationship', type, properties: withoutNulls(props), startId: from, endId: to };
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

  async read(query: CypherQuery, params: Params = {}): Promise<Row[]> {
    const started = performance.now();
    try {
      return this.answer(query, params);
    } finally {
      this.stats.record(query.name, performance.now() - started, false);
    }
  }

  async write(query: CypherQuery): Promise<Row[]> {
    throw new Error(`in-memory port is read-only (${query.name})`);
  }

  async writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return work({ run: (q) => this.write(q) });
  }

  async close(): Promise<void> {}

  private answer(query: CypherQuery, params: Params): Row[] {
    const bracket = query.name.indexOf('[');
    const name = bracket < 0 ? query.name : query.name.slice(0, bracket);
    const slots = bracket < 0 ? [] : query.name.slice(bracket + 1, -1).split(',');
    const labelsOf = (expr: string | undefined) => new Set((expr ?? '').split('|'));
    const ids = (params.ids ?? []) as string[];
    switch (name) {
      case 'health/ping':
        return [{ ok: 1 }];
      case 'read/nodes-by-ids': {
        const labels = labelsOf(slots[0]);
        return ids.flatMap((id) => {
          const n = this.nodes.get(id);
          return n && labels.has(n.label) ? [{ id, n }] : [];
        });
      }
      case 'traverse/outgoing':
      case 'traverse/incoming': {
        const [type, parentLabels, nodeLabels, orderKey] = slots as [string, string, string, string];
        const parents = labelsOf(parentLabels);
        const targets = labelsOf(nodeLabels);
        const index = name === 'traverse/outgoing' ? this.out : this.in;
        const limit = Number(params.limit);
        const rows: Row[] = [];
        for (const parentId of [...new Set(ids)].sort()) {
          const parent = this.nodes.get(parentId);
          if (!parent || !parents.has(parent.label)) continue;
          const edges = (index.get(parentId)?.get(type) ?? []).filter((e) => targets.has(e.other.label));
          if (edges.length === 0) continue;
          edges.sort((x, y) => cmp(x.other.properties[orderKey], y.other.properties[orderKey]) || cmp(x.other.id, y.other.id));
          rows.push({ parentId, items: edges.slice(0, limit).map((e) => ({ rel: e.rel, node: e.other })) });
        }
        return rows;
      }
      case 'traverse/count-incoming': {
        const [type] = slots as [string];
        return ids.map((parentId) => ({ parentId, total: this.in.get(parentId)?.get(type)?.length ?? 0 }));
      }
      case 'read/entity-page':
      case 'read/entity-count': {
        const [label, orderKey = 'name', direction = 'ASC'] = slots as [string, string?, string?];
        const key = `${label}:${orderKey}`;
        let list = this.sorted.get(key);
        if (!list) {
          list = [...(this.byLabel.get(label) ?? [])].sort((x, y) => cmp(x.properties[orderKey], y.properties[orderKey]) || cmp(x.id, y.id));
          this.sorted.set(key, list);
        }
        const contains = String(params.nameContains ?? '');
        const category = String(params.category ?? '');
        const only = new Set((params.ids ?? []) as string[]);
        const keep = (n: GraphNode) =>
          (contains === '' || String(n.properties.search ?? '').includes(contains)) &&
          (category === '' || n.properties.category === category) &&
          (only.size === 0 || only.has(n.id));
        if (name === 'read/entity-count') return [{ total: list.filter(keep).length }];
        const reverse = direction === 'DESC';
        const afterId = String(params.afterId ?? '');
        const afterKey = params.afterKey as GraphValue;
        const limit = Number(params.limit);
        const rows: Row[] = [];
        const ordered = reverse ? [...list].reverse() : list;
        for (const n of ordered) {
          if (rows.length >= limit) break;
          if (!keep(n)) continue;
          const k = n.properties[orderKey] ?? null;
          if (afterId !== '') {
            const c = cmp(k, afterKey) || cmp(n.id, afterId);
            if (reverse ? c >= 0 : c <= 0) continue;
          }
          rows.push({ n, key: k });
        }
        return rows;
      }
      case 'search/text': {
        const labels = labelsOf(slots[0]);
        const text = String(params.text);
        const maxEdits = Number(params.maxEdits);
        const hits: Array<{ node: GraphNode; score: number }> = [];
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
        hits.sort((x, y) => y.score - x.score || cmp(x.node.properties.name, y.node.properties.name) || cmp(x.node.id, y.node.id));
        return hits.slice(0, Number(params.limit)).map((h) => ({ node: h.node, score: h.score }));
      }
      case 'neighborhood/expand': {
        const labels = labelsOf(slots[0]);
        const limit = Number(params.limit);
        const rows: Row[] = [];
        for (const id of ids) {
          const a = this.nodes.get(id);
          if (!a || !labels.has(a.label)) continue;
          for (const index of [this.out, this.in]) {
            for (const edges of index.get(id)?.values() ?? []) {
              for (const e of edges) {
                if (rows.length >= limit) return rows;
                rows.push({ a, r: e.rel, b: e.other });
              }
            }
          }
        }
        return rows;
      }
      case 'path/shortest':
        return this.shortestPath(String(params.from), String(params.to), 6);
      default:
        throw new Error(`in-memory port: no answer for query ${query.name}`);
    }
  }

  /** Breadth-first search over relationships in either direction. */
  private shortestPath(from: string, to: string, maxHops: number): Row[] {
    if (!this.nodes.has(from) || !this.nodes.has(to)) return [];
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
    if (!previous.has(to)) return [];
    const nodes: GraphNode[] = [];
    const relationships: GraphRelationship[] = [];
    for (let at: string | undefined = to; at !== undefined; ) {
      nodes.unshift(this.nodes.get(at) as GraphNode);
      const step = previous.get(at);
      if (!step) break;
      relationships.unshift(step.rel);
      at = step.id;
    }
    return [{ nodes, relationships }];
  }
}
