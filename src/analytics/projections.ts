/**
 * The networks the graph algorithms run over, each fetched from the engine in
 * one query (`cypher/projection/*.cypher`) and built into a graphology graph.
 * The queries return ids grouped per statement or per node, and the links
 * are counted here: LadybugDB answers that shape an order of magnitude faster
 * than one aggregated row per pair (see the query files).
 */
import Graph from 'graphology';
import type { ProjectionQuery, ProjectionRow, ReadQueries } from '../graph';

export type ProjectionName = 'CO_MENTION' | 'SPEAKER_MENTION' | 'ENTITY_GRAPH';

/** A directed or undirected link, once per statement or relationship that makes it. */
export type Link = readonly [source: string, target: string];

interface ProjectionSpec {
  /** The projection query of the query layer (`cypher/projection/<query>.cypher`). */
  readonly query: ProjectionQuery;
  readonly type: 'directed' | 'undirected';
  /** The links one row of the query stands for. */
  linksOf(row: ProjectionRow): Link[];
}

/** A row's source to each of its targets. */
function directedLinks(row: ProjectionRow): Link[] {
  const { source } = row;
  return source === null ? [] : row.targets.map((target): Link => [source, target]);
}

/** Every unordered pair of a list of ids, once. */
function pairs(list: readonly string[]): Link[] {
  const sorted = [...new Set(list)].sort();
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b): Link => [a, b]));
}

export const PROJECTIONS: Readonly<Record<ProjectionName, ProjectionSpec>> = {
  CO_MENTION: { query: 'co-mention', type: 'undirected', linksOf: (row) => pairs(row.targets) },
  SPEAKER_MENTION: { query: 'speaker-mention', type: 'directed', linksOf: directedLinks },
  ENTITY_GRAPH: { query: 'entity-graph', type: 'directed', linksOf: directedLinks },
};

/** Edge attributes of every projection. */
export interface ProjectionEdge {
  weight: number;
}

export type Projection = Graph<Record<string, never>, ProjectionEdge>;

/** Builds a projection from links; each repetition of a link adds 1 to its weight. Self-links are dropped. */
export function projectionFromLinks(
  type: ProjectionSpec['type'],
  links: Iterable<Link>,
): Projection {
  const graph: Projection = new Graph({ type, multi: false, allowSelfLoops: false });
  for (const [source, target] of links) {
    if (source === target) continue;
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.updateEdge(source, target, (attributes) => ({ weight: (attributes.weight ?? 0) + 1 }));
  }
  return graph;
}

/** Fetches projection `name` in one query and builds it. */
export async function fetchProjection(
  queries: ReadQueries,
  name: ProjectionName,
): Promise<Projection> {
  const spec = PROJECTIONS[name];
  const rows = await queries.projectionRows(spec.query);
  return projectionFromLinks(
    spec.type,
    rows.flatMap((row) => spec.linksOf(row)),
  );
}
