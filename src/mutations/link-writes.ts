import type { CypherLibrary, GraphTransaction } from '../graph';
import { isGraphRelationship } from '../graph';
import {
  NODE_LABELS,
  type NodeLabel,
  type PropertySpec,
  type RelationshipType,
  allowsEndpoints,
  isRelationshipType,
  relationshipSpec,
} from '../model/graph-model';
import { BadUserInputError } from '../errors';
import { checkDate, checkId, checkText } from '../resolvers/arguments';
import { edgeProperties } from '../resolvers/graph-view';
import { linkNodes } from '../writes/write-graph';
import { expectNode, nodesInTx } from './tx-lookups';

export interface LinkInput {
  type: string;
  from: string;
  to: string;
  properties?: Record<string, unknown> | null;
}

const ISO_LIKE = /^\d{4}(-\d{2}){0,2}$/;

/** Checks one link property by its kind in the model; returns the value to store. */
function checkLinkProperty(key: string, property: PropertySpec, value: unknown): unknown {
  const argument = `input.properties.${key}`;
  switch (property.kind) {
    case 'list': {
      const list = value as string[];
      if (list.length > property.maxItems) throw new BadUserInputError(argument, `accepts at most ${property.maxItems} entries.`);
      return list.map((item, i) => checkText(`${argument}[${i}]`, item, { max: property.itemMax }));
    }
    case 'enum':
      if (!property.values.includes(String(value))) {
        throw new BadUserInputError(argument, `must be one of ${property.values.join(', ')}.`);
      }
      return value;
    case 'date': {
      // Dates on relationships may be ISO dates or kept as stated ("on Thursday").
      const textValue = checkText(argument, String(value), { max: property.max });
      return ISO_LIKE.test(textValue) ? checkDate(argument, textValue) : textValue;
    }
    case 'text':
      return checkText(argument, String(value), { max: property.max });
  }
}

/** Validates a link before anything is written: type, ids and the type's properties. */
export function checkLinkInput(input: LinkInput) {
  if (!isRelationshipType(input.type) || relationshipSpec(input.type).managed) {
    throw new BadUserInputError('input.type', `"${input.type}" cannot be linked by clients.`);
  }
  const type = input.type;
  const spec = relationshipSpec(type);
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.properties ?? {})) {
    if (value === undefined) continue;
    const property = spec.properties[key];
    if (!property) {
      const allowed = Object.keys(spec.properties);
      throw new BadUserInputError(
        `input.properties.${key}`,
        `is not a property of ${type}; ${allowed.length ? `it takes ${allowed.join(', ')}` : 'it takes no properties'}.`,
      );
    }
    properties[key] = value === null ? null : checkLinkProperty(key, property, value);
  }
  return { type, from: checkId('input.from', input.from), to: checkId('input.to', input.to), properties };
}

/** Properties the model requires when a relationship is created, missing from `properties`. */
function missingOnCreate(type: RelationshipType, properties: Record<string, unknown>): string | undefined {
  return Object.entries(relationshipSpec(type).properties).find(
    ([key, p]) => p.kind === 'enum' && p.requiredOnCreate && !properties[key],
  )?.[0];
}

/** Creates or updates one relationship; returns the edge as stored and whether it is new. */
export async function link(tx: GraphTransaction, cypher: CypherLibrary, input: ReturnType<typeof checkLinkInput>) {
  const { fromLabel, toLabel } = await endpoints(tx, cypher, input.type, input.from, input.to);
  const existing = await existingRelationship(tx, cypher, input.type, fromLabel, toLabel, input.from, input.to);
  const missing = existing ? undefined : missingOnCreate(input.type, input.properties);
  if (missing) throw new BadUserInputError(`input.properties.${missing}`, `is required when creating a ${input.type}.`);
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
    const allowed = relationshipSpec(type).endpoints.map(([f, t]) => `${f} -> ${t}`).join(', ');
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
