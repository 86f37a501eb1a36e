import type { CypherLibrary, GraphNode, GraphRelationship, GraphTransaction, ParamValue, Row } from '../graph';
import { isGraphNode, isGraphRelationship } from '../graph';
import {
  type NodeLabel,
  RELATIONSHIPS,
  type RelationshipSpec,
  type RelationshipType,
  isEntityLabel,
} from '../model/graph-model';
import { type NodeRecord, nodeRow } from './node-rows';

/** Relationship types with properties have their own link query. */
const LINK_QUERIES: Partial<Record<RelationshipType, string>> = {
  HOLDS_ROLE: 'write/link-holds-role',
  DEPLOYED_TO: 'write/link-deployed-to',
  TRAINED_BY: 'write/link-trained-by',
  RELATION: 'write/link-relation',
  PARTICIPATED_IN: 'write/link-participated-in',
};

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

/** The row a link query takes: endpoints plus every property of the type. */
export function linkRow(type: RelationshipType, link: LinkRecord): Record<string, ParamValue> {
  const spec: RelationshipSpec = RELATIONSHIPS[type];
  const row: Record<string, ParamValue> = { from: link.from, to: link.to };
  for (const [key, kind] of Object.entries(spec.properties)) {
    const value = link.properties?.[key];
    if (kind === 'STRING[]') row[key] = Array.isArray(value) ? value.map(String) : [];
    else row[key] = typeof value === 'string' ? value : null;
  }
  return row;
}

/** Creates or updates relationships of one type between nodes of two labels. */
export async function linkNodes(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  type: RelationshipType,
  fromLabel: NodeLabel,
  toLabel: NodeLabel,
  links: readonly LinkRecord[],
): Promise<GraphRelationship[]> {
  if (links.length === 0) return [];
  const name = LINK_QUERIES[type] ?? 'write/link';
  const slots: Record<string, string> = name === 'write/link' ? { type, fromLabel, toLabel } : { fromLabel, toLabel };
  const rows = await tx.run(cypher.render(name, slots), { rows: links.map((l) => linkRow(type, l)) });
  return rows.map((r) => r.r).filter(isGraphRelationship);
}
