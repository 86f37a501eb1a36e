import type { CypherLibrary, GraphNode, GraphRelationship, GraphTransaction, ParamValue, Row } from '../graph';
import { isGraphNode, isGraphRelationship } from '../graph';
import {
  type NodeLabel,
  type PropertySpec,
  type RelationshipType,
  isEntityLabel,
  relationshipSpec,
} from '../model/graph-model';
import { type NodeRecord, nodeRow } from './node-rows';

/** The query that writes nodes of `label`, and whether it takes a batch of rows. */
function upsertQuery(cypher: CypherLibrary, label: NodeLabel) {
  if (isEntityLabel(label)) return { query: cypher.render('write/upsert-entities', { label }), batch: true };
  if (label === 'Statement') return { query: cypher.get('write/upsert-statements'), batch: true };
  if (label === 'Source') return { query: cypher.get('write/upsert-sources'), batch: true };
  return { query: cypher.get('write/upsert-estimate'), batch: false };
}

/** Creates or updates nodes of one label inside `tx`; returns them as stored. */
export async function upsertNodes(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  label: NodeLabel,
  records: readonly NodeRecord[],
): Promise<GraphNode[]> {
  if (records.length === 0) return [];
  const { query, batch } = upsertQuery(cypher, label);
  const rows = records.map(nodeRow);
  const results: Row[] = [];
  if (batch) results.push(...(await tx.run(query, { rows })));
  else for (const row of rows) results.push(...(await tx.run(query, row)));
  return results.map((r) => r.n).filter(isGraphNode);
}

export interface LinkRecord {
  readonly from: string;
  readonly to: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** The value written for one property of a link: lists as `[]` rather than null (see `nodeRow`). */
export function linkValue(property: PropertySpec, value: unknown): ParamValue {
  if (property.kind === 'list') return Array.isArray(value) ? value.map(String) : [];
  return typeof value === 'string' ? value : null;
}

/**
 * Creates or updates relationships of one type between nodes of two labels:
 * merges them, then sets every property the model gives the type (a property
 * missing from a record is written as null). A record with a property the
 * type does not have is an error, never silently dropped.
 */
export async function linkNodes(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  type: RelationshipType,
  fromLabel: NodeLabel,
  toLabel: NodeLabel,
  links: readonly LinkRecord[],
): Promise<GraphRelationship[]> {
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
  let rows = await tx.run(cypher.render('write/link', slots), { rows: links.map(({ from, to }) => ({ from, to })) });
  for (const [key, property] of Object.entries(properties)) {
    const values = links.map(({ from, to, properties: given }) => ({ from, to, value: linkValue(property, given?.[key]) }));
    rows = await tx.run(cypher.render('write/set-link-property', { ...slots, key }), { rows: values });
  }
  return rows.map((r) => r.r).filter(isGraphRelationship);
}
