/**
 * The networks the graph algorithms run over, each fetched from the engine in
 * one query (`cypher/projection/*.cypher`) that returns `source, target,
 * weight` rows, and built into a graphology graph.
 */
import Graph from 'graphology';
import type { Graph as KnowledgeGraph } from '../graph';

export type ProjectionName = 'CO_MENTION' | 'SPEAKER_MENTION' | 'ENTITY_GRAPH';

interface ProjectionSpec {
  /** The named query under `cypher/`. */
  readonly query: string;
  readonly type: 'directed' | 'undirected';
}

export const PROJECTIONS: Readonly<Record<ProjectionName, ProjectionSpec>> = {
  CO_MENTION: { query: 'projection/co-mention', type: 'undirected' },
  SPEAKER_MENTION: { query: 'projection/speaker-mention', type: 'directed' },
  ENTITY_GRAPH: { query: 'projection/entity-graph', type: 'directed' },
};

/** The queries this module needs, for `CypherLibrary.requireAll`. */
export const PROJECTION_QUERIES = Object.values(PROJECTIONS).map((p) => p.query);

/** Edge attributes of every projection. */
export interface ProjectionEdge {
  weight: number;
}

export type Projection = Graph<Record<string, never>, ProjectionEdge>;

/** Builds a projection from `source, target, weight` rows; repeated pairs add up. */
export function projectionFromRows(type: ProjectionSpec['type'], rows: ReadonlyArray<Record<string, unknown>>): Projection {
  const graph: Projection = new Graph({ type, multi: false, allowSelfLoops: false });
  for (const row of rows) {
    const source = String(row.source);
    const target = String(row.target);
    if (source === target) continue;
    const weight = Number(row.weight ?? 1);
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.updateEdge(source, target, (attributes) => ({ weight: (attributes.weight ?? 0) + weight }));
  }
  return graph;
}

/** Fetches projection `name` in one query and builds it. */
export async function fetchProjection(graph: KnowledgeGraph, name: ProjectionName): Promise<Projection> {
  const spec = PROJECTIONS[name];
  const rows = await graph.port.read(graph.cypher.get(spec.query));
  return projectionFromRows(spec.type, rows);
}
