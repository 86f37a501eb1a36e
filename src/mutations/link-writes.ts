import type { CypherLibrary, GraphTransaction } from '../graph';
import { isGraphRelationship } from '../graph';
import {
  NODE_LABELS,
  RELATIONSHIPS,
  RELATION_KINDS,
  type NodeLabel,
  type RelationshipSpec,
  type RelationshipType,
  allowsEndpoints,
  isRelationshipType,
} from '../model/graph-model';
import { BadUserInputError } from '../errors';
import { checkDate, checkId, checkText } from '../resolvers/arguments';
import { edgeProperties } from '../resolvers/graph-view';
import { linkNodes } from '../writes/write-graph';
import { expectNode, nodesInTx } from './tx-lookups';

/** Types clients may link and unlink; the others belong to addStatement/addEstimate. */
const MANAGED: readonly RelationshipType[] = ['MADE', 'REPORTED_IN', 'ESTIMATES', 'ATTRIBUTED_TO'];
const DATE_PROPERTIES = new Set(['since', 'until', 'asOf']);

export interface LinkInput {
  type: string;
  from: string;
  to: string;
  properties?: Record<string, unknown> | null;
}

/** Validates a link before anything is written: type, ids and the type's properties. */
export function checkLinkInput(input: LinkInput) {
  if (!isRelationshipType(input.type) || MANAGED.includes(input.type)) {
    throw new BadUserInputError('input.type', `"${input.type}" cannot be linked by clients.`);
  }
  const type = input.type;
  const spec: RelationshipSpec = RELATIONSHIPS[type];
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.properties ?? {})) {
    if (value === undefined) continue;
    if (!(key in spec.properties)) {
      const allowed = Object.keys(spec.properties);
      throw new BadUserInputError(
        `input.properties.${key}`,
        `is not a property of ${type}; ${allowed.length ? `it takes ${allowed.join(', ')}` : 'it takes no properties'}.`,
      );
    }
    if (value === null) properties[key] = null;
    else if (key === 'disciplines') {
      const list = value as string[];
      if (list.length > 20) throw new BadUserInputError('input.properties.disciplines', 'accepts at most 20 entries.');
      properties[key] = list.map((d, i) => checkText(`input.properties.disciplines[${i}]`, d, { max: 100 }));
    } else if (key === 'kind') {
      if (!(RELATION_KINDS as readonly string[]).includes(String(value))) {
        throw new BadUserInputError('input.properties.kind', `must be one of ${RELATION_KINDS.join(', ')}.`);
      }
      properties[key] = value;
    } else {
      const textValue = checkText(`input.properties.${key}`, String(value), { max: key === 'description' ? 1000 : 200 });
      // Dates on relationships may be ISO dates or kept as stated ("on Thursday").
      properties[key] = DATE_PROPERTIES.has(key) && /^\d{4}(-\d{2}){0,2}$/.test(textValue) ? checkDate(`input.properties.${key}`, textValue) : textValue;
    }
  }
  return { type, from: checkId('input.from', input.from), to: checkId('input.to', input.to), properties };
}

/** Creates or updates one relationship; returns the edge as stored and whether it is new. */
export async function link(tx: GraphTransaction, cypher: CypherLibrary, input: ReturnType<typeof checkLinkInput>) {
  const { fromLabel, toLabel } = await endpoints(tx, cypher, input.type, input.from, input.to);
  const existing = await existingRelationship(tx, cypher, input.type, fromLabel, toLabel, input.from, input.to);
  if (input.type === 'RELATION' && !existing && !input.properties.kind) {
    throw new BadUserInputError('input.properties.kind', 'is required when creating a RELATION.');
  }
  const merged = { ...(existing ?? {}), ...input.properties };
  const [rel] = await linkNodes(tx, cypher, input.type, fromLabel, toLabel, [{ from: input.from, to: input.to, properties: merged }]);
  return {
    edge: { id: `${input.type}:${input.from}:${input.to}`, type: input.type, from: input.from, to: input.to, properties: edgeProperties(input.type, rel?.properties ?? merged) },
    changed: existing === null || JSON.stringify(existing) !== JSON.stringify(rel?.properties ?? merged),
  };
}

/** Removes one relationship if present. */
export async function unlink(tx: GraphTransaction, cypher: CypherLibrary, input: ReturnType<typeof checkLinkInput>) {
  const { fromLabel, toLabel } = await endpoints(tx, cypher, input.type, input.from, input.to);
  const existing = await existingRelationship(tx, cypher, input.type, fromLabel, toLabel, input.from, input.to);
  if (existing) {
    await tx.run(cypher.render('write/unlink', { type: input.type, fromLabel, toLabel }), { from: input.from, to: input.to });
  }
  return {
    edge: { id: `${input.type}:${input.from}:${input.to}`, type: input.type, from: input.from, to: input.to, properties: edgeProperties(input.type, existing) },
    changed: existing !== null,
  };
}

async function endpoints(tx: GraphTransaction, cypher: CypherLibrary, type: RelationshipType, from: string, to: string) {
  const nodes = await nodesInTx(tx, cypher, [from, to]);
  const fromLabel = expectNode(nodes, 'input.from', from, NODE_LABELS, 'node').label as NodeLabel;
  const toLabel = expectNode(nodes, 'input.to', to, NODE_LABELS, 'node').label as NodeLabel;
  if (!allowsEndpoints(type, fromLabel, toLabel)) {
    const allowed = RELATIONSHIPS[type].endpoints.map(([f, t]) => `${f} -> ${t}`).join(', ');
    throw new BadUserInputError('input.type', `${type} cannot link a ${fromLabel} to a ${toLabel}; it links ${allowed}.`);
  }
  return { fromLabel, toLabel };
}

/** The properties of the stored relationship, or null when there is none. */
async function existingRelationship(
  tx: GraphTransaction,
  cypher: CypherLibrary,
  type: RelationshipType,
  fromLabel: NodeLabel,
  toLabel: NodeLabel,
  from: string,
  to: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await tx.run(cypher.render('read/relationship-between', { type, fromLabel, toLabel }), { from, to });
  const match = row?.r;
  return isGraphRelationship(match) ? { ...match.properties } : null;
}
