import type { WriteQueries } from '../graph';
import { edgeId, edgeProperties } from '../model/edge-properties';
import {
  NODE_LABELS,
  type NodeLabel,
  type RelationshipType,
  allowsEndpoints,
  relationshipSpec,
} from '../model/graph-model';
import { BadUserInputError } from '../errors';
import type { CheckedLink } from './link-check';
import { expectNode, nodesInTx } from './tx-lookups';

/** A property the model requires, missing from the properties a relationship will have. */
function missingRequired(
  type: RelationshipType,
  properties: Record<string, unknown>,
): string | undefined {
  return Object.entries(relationshipSpec(type).properties).find(
    ([key, p]) => p.kind === 'enum' && p.required && !properties[key],
  )?.[0];
}

/** Creates or updates one relationship; returns the edge as stored and whether it is new. */
export async function link(tx: WriteQueries, input: CheckedLink) {
  const { fromLabel, toLabel } = await endpoints(tx, input.type, input.from, input.to);
  const existing = await existingRelationship(
    tx,
    input.type,
    fromLabel,
    toLabel,
    input.from,
    input.to,
  );
  const merged = { ...(existing ?? {}), ...input.properties };
  // Checked on the properties after the write, on an update as on a create.
  const missing = missingRequired(input.type, merged);
  if (missing)
    throw new BadUserInputError(
      `input.properties.${missing}`,
      existing
        ? `is missing from the stored ${input.type}; give it in this update.`
        : `is required when creating a ${input.type}.`,
    );
  const [rel] = await tx.linkNodes(input.type, fromLabel, toLabel, [
    { from: input.from, to: input.to, properties: merged },
  ]);
  return {
    edge: {
      id: edgeId(input.type, input.from, input.to),
      type: input.type,
      from: input.from,
      to: input.to,
      properties: edgeProperties(input.type, rel?.properties ?? merged),
    },
    changed:
      existing === null || JSON.stringify(existing) !== JSON.stringify(rel?.properties ?? merged),
  };
}

/** Removes one relationship if present. */
export async function unlink(tx: WriteQueries, input: CheckedLink) {
  const { fromLabel, toLabel } = await endpoints(tx, input.type, input.from, input.to);
  const existing = await existingRelationship(
    tx,
    input.type,
    fromLabel,
    toLabel,
    input.from,
    input.to,
  );
  if (existing) {
    await tx.unlink(input.type, fromLabel, toLabel, input.from, input.to);
  }
  return {
    edge: {
      id: edgeId(input.type, input.from, input.to),
      type: input.type,
      from: input.from,
      to: input.to,
      properties: edgeProperties(input.type, existing),
    },
    changed: existing !== null,
  };
}

async function endpoints(tx: WriteQueries, type: RelationshipType, from: string, to: string) {
  const nodes = await nodesInTx(tx, [from, to]);
  const fromLabel = expectNode(nodes, 'input.from', from, NODE_LABELS, 'node').label as NodeLabel;
  const toLabel = expectNode(nodes, 'input.to', to, NODE_LABELS, 'node').label as NodeLabel;
  if (!allowsEndpoints(type, fromLabel, toLabel)) {
    const allowed = relationshipSpec(type)
      .endpoints.map(([f, t]) => `${f} -> ${t}`)
      .join(', ');
    throw new BadUserInputError(
      'input.type',
      `${type} cannot link a ${fromLabel} to a ${toLabel}; it links ${allowed}.`,
    );
  }
  return { fromLabel, toLabel };
}

/** The properties of the stored relationship, or null when there is none. */
async function existingRelationship(
  tx: WriteQueries,
  type: RelationshipType,
  fromLabel: NodeLabel,
  toLabel: NodeLabel,
  from: string,
  to: string,
): Promise<Record<string, unknown> | null> {
  const rel = await tx.relationshipBetween(type, fromLabel, toLabel, from, to);
  return rel ? { ...rel.properties } : null;
}
