import {
  type EntityLabel,
  type NodeLabel,
  type OrderKey,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  type TraversalName,
  relationshipSpec,
} from '../model/graph-model';

/**
 * One relationship traversal the API batches: from parents of some labels,
 * along one relationship type and direction, to nodes of some labels, in a
 * stable order. Every relationship field of the schema resolves through one;
 * each is declared with its relationship type in `src/model/graph-model.ts`.
 */
export interface Traversal {
  readonly name: TraversalName;
  readonly type: RelationshipType;
  readonly direction: 'outgoing' | 'incoming';
  readonly parentLabels: readonly NodeLabel[];
  readonly nodeLabels: readonly NodeLabel[];
  /** Node property to order by (then id). */
  readonly orderKey: OrderKey;
  /** A relationship date to order by first, newest first, before the per-parent cap. */
  readonly newestBy?: string;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The model's traversals, with their labels read off the type's endpoints. */
function traversalsOfModel(): Record<TraversalName, Traversal> {
  const all = new Map<string, Traversal>();
  for (const type of RELATIONSHIP_TYPES) {
    const spec = relationshipSpec(type);
    const from = unique(spec.endpoints.map(([f]) => f));
    const to = unique(spec.endpoints.map(([, t]) => t));
    for (const [name, t] of Object.entries(spec.traversals)) {
      const clash = all.get(name);
      if (clash) {
        throw new Error(
          `Traversal "${name}" is declared on both ${clash.type} and ${type}; traversal names must be unique across relationship types.`,
        );
      }
      const outgoing = t.direction === 'outgoing';
      const newestBy = 'newestBy' in t ? t.newestBy : undefined;
      if (newestBy !== undefined && (!outgoing || spec.properties[newestBy]?.kind !== 'date')) {
        throw new Error(
          `Traversal "${name}" orders newest by "${newestBy}": that must be a date property of ${type}, on an outgoing traversal.`,
        );
      }
      all.set(name, {
        name: name as TraversalName,
        type,
        direction: t.direction,
        parentLabels: outgoing ? from : to,
        nodeLabels: t.nodeLabels ?? (outgoing ? to : from),
        orderKey: t.orderKey ?? 'name',
        ...(newestBy ? { newestBy } : {}),
      });
    }
  }
  return Object.fromEntries(all) as Record<TraversalName, Traversal>;
}

/** Every traversal the schema's relationship fields use, by name. */
export const TRAVERSALS: Readonly<Record<TraversalName, Traversal>> = traversalsOfModel();

/** The traversal narrowed to one kind of node (e.g. `mentions(kind: PERSON)`). */
export function narrowed(traversal: Traversal, label: EntityLabel | undefined): Traversal {
  return label ? { ...traversal, nodeLabels: [label] } : traversal;
}
