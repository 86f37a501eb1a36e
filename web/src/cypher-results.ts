/**
 * Reading `POST /cypher` rows: the nodes, relationships and paths anywhere in
 * them (inside lists and maps too) become the graph the console draws.
 */
import type { GraphData } from './graph';

/** A value as the server sends it (see src/graph/values.ts). */
export type ResultValue =
  | null
  | boolean
  | number
  | string
  | ResultValue[]
  | {
      kind?: string;
      label?: string;
      id?: string;
      type?: string;
      startId?: string | null;
      endId?: string | null;
      properties?: Record<string, ResultValue>;
      nodes?: ResultValue[];
      relationships?: ResultValue[];
      [key: string]: ResultValue | undefined;
    };

type GraphNode = GraphData['nodes'][number];
type GraphEdge = GraphData['edges'][number];

/** Every node and relationship in `rows`; a relationship whose ends are not both in the result is left out. */
export function toGraph(rows: readonly Record<string, ResultValue>[]): GraphData {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const visit = (value: ResultValue | undefined): void => {
    if (value === null || value === undefined || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    if (value.kind === 'node' && typeof value.id === 'string' && typeof value.label === 'string') {
      const name = value.properties?.name ?? value.properties?.title ?? value.id;
      nodes.set(value.id, { id: value.id, label: value.label, name: String(name) });
      return;
    }
    if (value.kind === 'relationship' && value.startId && value.endId && value.type) {
      const id = `${value.startId}-${value.type}-${value.endId}`;
      edges.set(id, { id, type: value.type, from: value.startId, to: value.endId });
      return;
    }
    if (value.kind === 'path') {
      value.nodes?.forEach(visit);
      value.relationships?.forEach(visit);
      return;
    }
    Object.values(value).forEach(visit);
  };
  rows.forEach((row) => Object.values(row).forEach(visit));
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)),
  };
}
