import type { QueryNeighborhoodArgs, QueryPathArgs } from '../generated/resolvers-types';
import type { GraphNode, GraphRelationship } from '../graph';
import { edgeId, edgeProperties } from '../model/edge-properties';
import { NODE_LABELS, isEntityLabel } from '../model/graph-model';
import { intInRange } from '../model/validate';
import { checkAsOf } from './as-of';
import type { ApiContext } from './context';
import { lookup } from './lookups';
import { text } from './models';

export interface GraphViewNode {
  id: string;
  label: string;
  name: string;
  entity: GraphNode | null;
}

export interface GraphViewEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown> | null;
}

export function viewNode(node: GraphNode): GraphViewNode {
  const name = text(node, 'name') ?? text(node, 'title') ?? node.id;
  return { id: node.id, label: node.label, name, entity: isEntityLabel(node.label) ? node : null };
}

function viewEdge(rel: GraphRelationship, from: string, to: string): GraphViewEdge {
  return {
    id: edgeId(rel.type, from, to),
    type: rel.type,
    from,
    to,
    properties: edgeProperties(rel.type, rel.properties),
  };
}

/** Rows read to find the relationships among the nodes of the last hop. */
const CLOSING_ROW_LIMIT = 20_000;

/**
 * `neighborhood(id, hops, limit)`: breadth-first, one batched query per hop.
 * Nearer nodes are kept first; edges are kept when both ends are kept.
 */
export async function neighborhood(_root: unknown, args: QueryNeighborhoodArgs, ctx: ApiContext) {
  const hops = intInRange('hops', args.hops, { min: 1, max: 2, fallback: 1 });
  const limit = intInRange('limit', args.limit, { min: 1, max: 500, fallback: 100 });
  const asOf = checkAsOf(args.asOf);
  const centre = await lookup(ctx, NODE_LABELS, args.id);
  if (!centre) return null;

  const nodes = new Map<string, GraphNode>([[centre.id, centre]]);
  const edges = new Map<string, GraphViewEdge>();
  let truncated = false;
  let frontier = [centre.id];
  for (let hop = 1; hop <= hops && frontier.length > 0; hop++) {
    // Ask for a few more rows than nodes we can keep, so that edges among kept nodes survive.
    const rowLimit = limit * 4;
    // As of a day: only neighbours visible then (neighborhood/expand-as-of), so the rest is as without it.
    const rows = asOf
      ? await ctx.queries.neighboursAsOf(frontier, rowLimit, asOf)
      : await ctx.queries.neighbours(frontier, rowLimit);
    if (rows.length >= rowLimit) truncated = true;
    const next: string[] = [];
    const sorted = [...rows].sort((x, y) => x.to.id.localeCompare(y.to.id));
    for (const { from: a, rel: r, to: b } of sorted) {
      if (!nodes.has(b.id)) {
        if (nodes.size >= limit) {
          truncated = true;
          continue;
        }
        nodes.set(b.id, b);
        next.push(b.id);
      }
      const [from, to] = r.startId === b.id ? [b.id, a.id] : [a.id, b.id];
      const edge = viewEdge(r, from, to);
      edges.set(edge.id, edge);
    }
    frontier = next;
  }
  // Nodes found on the last hop were never expanded: add the relationships
  // among them (and back to kept nodes), so that every relationship whose two
  // ends are kept is returned.
  if (frontier.length > 0) {
    const rows = await ctx.queries.neighbours(frontier, CLOSING_ROW_LIMIT);
    for (const { from: a, rel: r, to: b } of rows) {
      if (!nodes.has(b.id)) continue;
      const [from, to] = r.startId === b.id ? [b.id, a.id] : [a.id, b.id];
      const edge = viewEdge(r, from, to);
      edges.set(edge.id, edge);
    }
  }
  const sortedEdges = [...edges.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { nodes: [...nodes.values()].map(viewNode), edges: sortedEdges, truncated };
}

/** `path(from, to, maxHops)`: a shortest chain in either direction, or null. */
export async function shortestPath(_root: unknown, args: QueryPathArgs, ctx: ApiContext) {
  const maxHops = intInRange('maxHops', args.maxHops, { min: 1, max: 6, fallback: 4 });
  const asOf = checkAsOf(args.asOf);
  if (args.from === args.to) {
    const node = await lookup(ctx, NODE_LABELS, args.from);
    return node ? { nodes: [viewNode(node)], edges: [], length: 0 } : null;
  }
  const found = asOf
    ? await pathAsOf(ctx, args.from, args.to, maxHops, asOf)
    : await ctx.queries.shortestPath(args.from, args.to);
  const nodes = found?.nodes ?? [];
  const rels = found?.relationships ?? [];
  if (nodes.length < 2 || rels.length !== nodes.length - 1 || rels.length > maxHops) return null;
  const edges = rels.map((rel, i) => {
    const here = (nodes[i] as GraphNode).id;
    const there = (nodes[i + 1] as GraphNode).id;
    return rel.startId === there ? viewEdge(rel, there, here) : viewEdge(rel, here, there);
  });
  return { nodes: nodes.map(viewNode), edges, length: rels.length };
}

/** Rows read per hop of `pathAsOf`; a frontier with more relationships than this is cut. */
const PATH_AS_OF_ROW_LIMIT = 20_000;

/**
 * `path(asOf)`: breadth-first from `from`, one asOf neighbourhood query per
 * hop (neighborhood/expand-as-of), so every node after the first is visible
 * on that day; the first chain that reaches `to` is a shortest one. Neighbours
 * are taken in id order, so the same graph gives the same path. At most
 * `maxHops` queries; a hop reading more than PATH_AS_OF_ROW_LIMIT rows is cut,
 * which can miss a chain through a very large frontier.
 */
async function pathAsOf(
  ctx: ApiContext,
  from: string,
  to: string,
  maxHops: number,
  asOf: string,
): Promise<{ nodes: GraphNode[]; relationships: GraphRelationship[] } | null> {
  const start = await lookup(ctx, NODE_LABELS, from);
  if (!start) return null;
  const reached = new Map<
    string,
    { node: GraphNode; via: GraphRelationship | null; prev: string | null }
  >([[from, { node: start, via: null, prev: null }]]);
  let frontier = [from];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const rows = await ctx.queries.neighboursAsOf(frontier, PATH_AS_OF_ROW_LIMIT, asOf);
    const next: string[] = [];
    const sorted = [...rows].sort(
      (x, y) => x.from.id.localeCompare(y.from.id) || x.to.id.localeCompare(y.to.id),
    );
    for (const { from: a, rel, to: b } of sorted) {
      if (reached.has(b.id)) continue;
      reached.set(b.id, { node: b, via: rel, prev: a.id });
      next.push(b.id);
    }
    if (reached.has(to)) break;
    frontier = next;
  }
  if (!reached.has(to)) return null;
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  for (let id: string | null = to; id !== null;) {
    const step = reached.get(id) as {
      node: GraphNode;
      via: GraphRelationship | null;
      prev: string | null;
    };
    nodes.unshift(step.node);
    if (step.via) relationships.unshift(step.via);
    id = step.prev;
  }
  return { nodes, relationships };
}
