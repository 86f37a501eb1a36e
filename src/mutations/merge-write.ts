/**
 * `mergeEntities`: one entity folded into another inside one write
 * transaction. Reads both entities' relationships (one query each), writes
 * the moved ones in one batch per (type, from label, to label), adds the
 * aliases, then deletes the merged entity with whatever it still holds.
 */
import type { GraphNode, LinkRecord, Neighbour, WriteQueries } from '../graph';
import {
  ENTITY_LABELS,
  type NodeLabel,
  type RelationshipType,
  isNodeLabel,
  isRelationshipType,
  parseExternalIdKey,
  relationshipSpec,
} from '../model/graph-model';
import { ConflictError } from '../errors';
import { expectNode, nodesInTx } from './tx-lookups';

/**
 * At most this many relationships are moved in one merge; beyond it the
 * merge is refused (CONFLICT) rather than cut short. The seed's busiest
 * entity has 15.
 */
export const MERGE_MAX_RELATIONSHIPS = 10_000;

export interface MergeOutcome {
  readonly entity: GraphNode;
  readonly mergedId: string;
  readonly movedRelationships: number;
  readonly droppedRelationships: number;
}

/** `TYPE:from:to` of a relationship as stored. */
const keyOf = (type: string, from: string, to: string) => `${type}:${from}:${to}`;

async function relationshipsOf(tx: WriteQueries, id: string): Promise<Neighbour[]> {
  const found = await tx.neighbours([id], MERGE_MAX_RELATIONSHIPS + 1);
  if (found.length > MERGE_MAX_RELATIONSHIPS)
    throw new ConflictError(
      `"${id}" has more than ${MERGE_MAX_RELATIONSHIPS} relationships, more than one merge moves; nothing was merged.`,
      { argument: 'merge' },
    );
  return found;
}

/** The start and end ids of a neighbour's relationship; `neighbours` returns both ends, so both are set. */
function endsOf({ rel }: Neighbour): [string, string] {
  if (rel.startId === null || rel.endId === null)
    throw new Error(
      `A ${rel.type} relationship came back without its end ids; cannot merge along it.`,
    );
  return [rel.startId, rel.endId];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Moves every relationship and alias of `mergeId` onto `keepId`, then deletes `mergeId`. */
export async function mergeEntities(
  tx: WriteQueries,
  { keep: keepId, merge: mergeId }: { keep: string; merge: string },
): Promise<MergeOutcome> {
  const nodes = await nodesInTx(tx, [keepId, mergeId]);
  const keep = expectNode(nodes, 'keep', keepId, ENTITY_LABELS, 'entity');
  const merge = expectNode(nodes, 'merge', mergeId, ENTITY_LABELS, 'entity');
  if (keep.label !== merge.label)
    throw new ConflictError(
      `merge: "${mergeId}" is a ${merge.label} and "${keepId}" a ${keep.label}; only entities of the same kind can be merged.`,
      { argument: 'merge' },
    );
  const label = keep.label as NodeLabel;

  const existing = new Set(
    (await relationshipsOf(tx, keepId)).map((n) => keyOf(n.rel.type, ...endsOf(n))),
  );
  const groups = new Map<
    string,
    { type: RelationshipType; from: NodeLabel; to: NodeLabel; links: LinkRecord[] }
  >();
  let dropped = 0;
  for (const neighbour of await relationshipsOf(tx, mergeId)) {
    const { rel, to: other } = neighbour;
    if (!isRelationshipType(rel.type) || !isNodeLabel(other.label)) continue;
    const [startId, endId] = endsOf(neighbour);
    const outgoing = startId === mergeId;
    const otherId = outgoing ? endId : startId;
    const [from, to] = outgoing ? [keepId, otherId] : [otherId, keepId];
    if (otherId === keepId || otherId === mergeId || existing.has(keyOf(rel.type, from, to))) {
      dropped += 1;
      continue;
    }
    existing.add(keyOf(rel.type, from, to));
    const [fromLabel, toLabel] = outgoing ? [label, other.label] : [other.label, label];
    const properties = Object.fromEntries(
      Object.keys(relationshipSpec(rel.type).properties).map((k) => [k, rel.properties[k]]),
    );
    const group = `${rel.type}:${fromLabel}:${toLabel}`;
    const entry = groups.get(group) ?? { type: rel.type, from: fromLabel, to: toLabel, links: [] };
    entry.links.push({ from, to, properties });
    groups.set(group, entry);
  }

  let moved = 0;
  for (const g of groups.values())
    moved += (await tx.linkNodes(g.type, g.from, g.to, g.links)).length;
  const name = typeof keep.properties.name === 'string' ? keep.properties.name : keepId;
  const aliases = [
    ...new Set([
      ...strings(keep.properties.aliases),
      ...[merge.properties.name, ...strings(merge.properties.aliases)].filter(
        (a): a is string => typeof a === 'string' && a.length > 0,
      ),
    ]),
  ].filter((a) => a !== name);
  // External ids: keep's, and merge's for the schemes keep has none of (one id per scheme).
  const schemeOf = (key: string) => parseExternalIdKey(key)?.scheme ?? key;
  const keptIds = strings(keep.properties.externalIds);
  const keptSchemes = new Set(keptIds.map(schemeOf));
  const externalIds = [
    ...keptIds,
    ...strings(merge.properties.externalIds).filter((key) => !keptSchemes.has(schemeOf(key))),
  ].sort();
  const [entity] = await tx.upsertNodes(label, [
    { ...keep.properties, label, id: keepId, aliases, externalIds },
  ]);
  await tx.deleteNodes(label, [mergeId]);
  return {
    entity: entity ?? keep,
    mergedId: mergeId,
    movedRelationships: moved,
    droppedRelationships: dropped,
  };
}
