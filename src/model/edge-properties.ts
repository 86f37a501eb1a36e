import { isRelationshipType, relationshipSpec } from './graph-model';

/**
 * The id of one relationship, `TYPE:fromId:toId`: what `link` returns, what
 * `GraphEdge.id` and the relationship projections (`Role`, `Deployment`...)
 * give, so a client cache can tie an edited relationship to what shows it.
 */
export function edgeId(type: string, from: string, to: string): string {
  return `${type}:${from}:${to}`;
}

/**
 * `GraphEdge.properties`: null for a type without properties (or when there is
 * no relationship), otherwise the set properties only.
 */
export function edgeProperties(
  type: string,
  properties: Readonly<Record<string, unknown>> | null | undefined,
): Record<string, unknown> | null {
  if (
    !properties ||
    !isRelationshipType(type) ||
    Object.keys(relationshipSpec(type).properties).length === 0
  )
    return null;
  return Object.fromEntries(
    Object.entries(properties).filter(([, value]) => value !== null && value !== undefined),
  );
}
