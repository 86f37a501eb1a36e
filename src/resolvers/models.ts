import type { EntityKind } from '../generated/resolvers-types';
import type { GraphNode, GraphValue } from '../graph';
import type { EntityLabel, NodeLabel } from '../model/graph-model';

/** What resolvers pass around for every stored node: the port's plain node. */
export type NodeModel = GraphNode;

/** GraphQL `EntityKind` for each entity label, and back. */
export const KIND_OF_LABEL: Record<EntityLabel, EntityKind> = {
  Person: 'PERSON',
  State: 'STATE',
  Organization: 'ORGANIZATION',
  MilitaryUnit: 'MILITARY_UNIT',
  Location: 'LOCATION',
  Event: 'EVENT',
};
const LABEL_OF_KIND = Object.fromEntries(
  Object.entries(KIND_OF_LABEL).map(([l, k]) => [k, l]),
) as Record<string, EntityLabel>;

export function labelOfKind(kind: string): EntityLabel {
  const label = LABEL_OF_KIND[kind];
  if (!label) throw new Error(`Unknown entity kind ${kind}`);
  return label;
}

/** Labels for `SearchKind` values (entity kinds plus STATEMENT and SOURCE). */
export function labelOfSearchKind(kind: string): NodeLabel {
  if (kind === 'STATEMENT') return 'Statement';
  if (kind === 'SOURCE') return 'Source';
  return labelOfKind(kind);
}

/** A string property, or null. */
export function text(node: GraphNode, key: string): string | null {
  const value: GraphValue | undefined = node.properties[key];
  return typeof value === 'string' ? value : null;
}

export function texts(node: GraphNode, key: string): string[] {
  const value = node.properties[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function num(node: GraphNode, key: string): number | null {
  const value = node.properties[key];
  return typeof value === 'number' ? value : null;
}

/** Resolvers that read each listed field straight from the node's properties. */
export function propertyFields(
  strings: readonly string[],
  lists: readonly string[] = [],
): Record<string, (node: GraphNode) => unknown> {
  const fields: Record<string, (node: GraphNode) => unknown> = { id: (n) => n.id };
  for (const key of strings) fields[key] = (n) => text(n, key);
  for (const key of lists) fields[key] = (n) => texts(n, key);
  return fields;
}
