/**
 * Node labels and entity kinds as the page shows them. The entity labels are
 * derived from the schema's `EntityKind` (through the generated types), so a
 * kind added to `schema.graphql` fails the explorer's typecheck until it has a
 * name and a colour here. Server code stays out of the bundle: nothing here
 * imports from `src/`.
 */
import type { EntityKind, EntityPageQuery, StatementKind } from './generated/graphql';

/** The object type (and node label) of each entity kind: "Each matches one node label and one object type". */
type EntityTypename = NonNullable<EntityPageQuery['entity']>['__typename'];

/** The node label of each entity kind. */
export const KIND_LABELS = {
  PERSON: 'Person',
  STATE: 'State',
  ORGANIZATION: 'Organization',
  MILITARY_UNIT: 'MilitaryUnit',
  LOCATION: 'Location',
  EVENT: 'Event',
} as const satisfies Record<EntityKind, EntityTypename>;

export type EntityLabel = (typeof KIND_LABELS)[EntityKind];

/** Every node label: the entities' and the three that are not entities. */
export type NodeLabel = EntityLabel | 'Statement' | 'Source' | 'Estimate';

/** Labels whose nodes have an entity page. */
export const ENTITY_LABELS: ReadonlySet<string> = new Set<string>(Object.values(KIND_LABELS));

/** Human words for node labels. */
export const LABEL_NAMES: Readonly<Record<NodeLabel, string>> = {
  Person: 'Person',
  State: 'State',
  Organization: 'Organization',
  MilitaryUnit: 'Military unit',
  Location: 'Location',
  Event: 'Event',
  Statement: 'Statement',
  Source: 'Source',
  Estimate: 'Estimate',
};

/** Node colours by label; all readable with white text and against white. The legend keeps this order. */
export const LABEL_COLOURS: Readonly<Record<NodeLabel, string>> = {
  Person: '#1d4ed8',
  State: '#15803d',
  Organization: '#7e22ce',
  MilitaryUnit: '#b91c1c',
  Location: '#a16207',
  Event: '#c2410c',
  Statement: '#475569',
  Source: '#0f766e',
  Estimate: '#be185d',
};

/** Human words for statement kinds. */
export const STATEMENT_KIND_NAMES: Readonly<Record<StatementKind, string>> = {
  QUOTE: 'Quote',
  PARAPHRASE: 'Paraphrase',
  HEDGED_CLAIM: 'Hedged claim',
  REPORTED: 'Reported by the source',
};

function isNodeLabel(label: string): label is NodeLabel {
  return Object.hasOwn(LABEL_NAMES, label);
}

/** The human word for a label the API sent (a plain string), or undefined for a label this page does not know. */
export function labelName(label: string): string | undefined {
  return isNodeLabel(label) ? LABEL_NAMES[label] : undefined;
}

/** The colour of a label the API sent, or undefined for a label this page does not know. */
export function labelColour(label: string): string | undefined {
  return isNodeLabel(label) ? LABEL_COLOURS[label] : undefined;
}

/** The human word for an entity kind. */
export function kindName(kind: EntityKind): string {
  return LABEL_NAMES[KIND_LABELS[kind]];
}
