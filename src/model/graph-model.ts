/**
 * The knowledge-graph model: the fixed allowlist of node labels, relationship
 * types, their endpoints and their properties.
 *
 * Everything that builds Cypher text from a label or a relationship type takes
 * it from here, never from user input. The embedded DDL in
 * `cypher/schema/embedded.cypher`, the Neo4j constraints and the Cypher lint
 * all agree with this file (checked in `test/unit/graph-model.test.ts`).
 */

/** Labels of the things people talk about. They share one set of columns. */
export const ENTITY_LABELS = [
  'Person',
  'State',
  'Organization',
  'MilitaryUnit',
  'Location',
  'Event',
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Every node label of the graph. */
export const NODE_LABELS = [...ENTITY_LABELS, 'Statement', 'Source', 'Estimate'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Labels that can speak: the actors of `MADE`. */
export const ACTOR_LABELS = ['Person', 'Organization', 'State'] as const;
export type ActorLabel = (typeof ACTOR_LABELS)[number];

export type PropertyType = 'STRING' | 'STRING[]' | 'DOUBLE' | 'INT64';

/** Columns shared by every entity label. */
export const ENTITY_PROPERTIES = {
  id: 'STRING',
  name: 'STRING',
  aliases: 'STRING[]',
  description: 'STRING',
  /** A finer kind within the label: "region", "ministry", "missile test". */
  category: 'STRING',
  /** Time as the source states it ("on Thursday", "February 2022"). */
  timeText: 'STRING',
  /** ISO-8601 date (YYYY, YYYY-MM or YYYY-MM-DD) when the source gives one. */
  date: 'STRING',
  /** Lower-cased name and aliases, for case-insensitive search. Derived on write. */
  search: 'STRING',
} as const satisfies Record<string, PropertyType>;

export const NODE_PROPERTIES: Record<NodeLabel, Record<string, PropertyType>> = {
  Person: ENTITY_PROPERTIES,
  State: ENTITY_PROPERTIES,
  Organization: ENTITY_PROPERTIES,
  MilitaryUnit: ENTITY_PROPERTIES,
  Location: ENTITY_PROPERTIES,
  Event: ENTITY_PROPERTIES,
  Statement: {
    id: 'STRING',
    /** A short human label, e.g. "Blinken on the meat grinder". */
    name: 'STRING',
    /** The exact words for a quote; the reported content otherwise. */
    text: 'STRING',
    /** QUOTE | PARAPHRASE | HEDGED_CLAIM | REPORTED (the source's own assertion: no speaker) */
    kind: 'STRING',
    /** The hedge kept verbatim for hedged claims ("experts believe"). */
    hedge: 'STRING',
    /** Where or how it was said ("at a press conference in Washington"). */
    context: 'STRING',
    /** Time as stated ("on Thursday", "in the coming days"). */
    timeText: 'STRING',
    /** ISO-8601 date when known; null when the source gives none. */
    saidAt: 'STRING',
    /** Position in its source, for a stable reading order. */
    ordinal: 'INT64',
    search: 'STRING',
  },
  Source: {
    id: 'STRING',
    name: 'STRING',
    title: 'STRING',
    publisher: 'STRING',
    url: 'STRING',
    publishedAt: 'STRING',
    search: 'STRING',
  },
  Estimate: {
    id: 'STRING',
    name: 'STRING',
    value: 'DOUBLE',
    unit: 'STRING',
    /** "around", "approximately", "at least"... */
    qualifier: 'STRING',
    /** What the figure covers: "in Russia", "near Ukraine's border". */
    scope: 'STRING',
    search: 'STRING',
  },
};

export interface RelationshipSpec {
  /** Allowed (from, to) label pairs. */
  readonly endpoints: ReadonlyArray<readonly [NodeLabel, NodeLabel]>;
  readonly properties: Readonly<Record<string, PropertyType>>;
}

const pairs = (
  from: readonly NodeLabel[],
  to: readonly NodeLabel[],
): Array<readonly [NodeLabel, NodeLabel]> => from.flatMap((f) => to.map((t) => [f, t] as const));

const POLITIES = ['State', 'Organization'] as const;
const PARTICIPANTS = ['Person', 'State', 'Organization', 'MilitaryUnit'] as const;

export const RELATIONSHIPS = {
  HOLDS_ROLE: {
    endpoints: pairs(['Person'], POLITIES),
    properties: { title: 'STRING', since: 'STRING', until: 'STRING' },
  },
  PART_OF: { endpoints: pairs(['Organization'], POLITIES), properties: {} },
  MADE: { endpoints: pairs(ACTOR_LABELS, ['Statement']), properties: {} },
  MENTIONS: { endpoints: pairs(['Statement'], ENTITY_LABELS), properties: {} },
  ADDRESSED_TO: { endpoints: pairs(['Statement'], ENTITY_LABELS), properties: {} },
  REPORTED_IN: { endpoints: pairs(['Statement', 'Event'], ['Source']), properties: {} },
  BELONGS_TO: { endpoints: pairs(['MilitaryUnit'], ['State']), properties: {} },
  DEPLOYED_TO: {
    endpoints: pairs(['MilitaryUnit'], ['Location', 'State']),
    properties: { status: 'STRING', asOf: 'STRING' },
  },
  TRAINED_BY: {
    endpoints: pairs(['MilitaryUnit'], POLITIES),
    properties: { disciplines: 'STRING[]' },
  },
  LOCATED_IN: { endpoints: pairs(['Location'], ['State', 'Location']), properties: {} },
  RELATION: {
    endpoints: pairs(POLITIES, POLITIES),
    properties: { kind: 'STRING', since: 'STRING', description: 'STRING' },
  },
  ESTIMATES: { endpoints: pairs(['Estimate'], ENTITY_LABELS), properties: {} },
  ATTRIBUTED_TO: { endpoints: pairs(['Estimate'], ['Statement']), properties: {} },
  PARTICIPATED_IN: { endpoints: pairs(PARTICIPANTS, ['Event']), properties: { role: 'STRING' } },
  OCCURRED_IN: { endpoints: pairs(['Event'], ['Location', 'State']), properties: {} },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

/**
 * Statement kinds, as stored. A REPORTED statement is the source's own
 * assertion: it has no `MADE` edge, and its origin is the Source it is
 * `REPORTED_IN`. Every other kind has at least one speaker.
 */
export const STATEMENT_KINDS = ['QUOTE', 'PARAPHRASE', 'HEDGED_CLAIM', 'REPORTED'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Relation kinds between polities, as stored on `RELATION.kind`. */
export const RELATION_KINDS = ['PARTNERSHIP', 'ALLIANCE', 'WAR', 'TIES', 'RIVALRY'] as const;

/** Ids are lower-case slugs: letters, digits and single dashes, 2-80 chars. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 80;

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isEntityLabel(value: string): value is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIPS, value);
}

/** True when `type` may run from a `from` node to a `to` node. */
export function allowsEndpoints(type: RelationshipType, from: NodeLabel, to: NodeLabel): boolean {
  const spec: RelationshipSpec = RELATIONSHIPS[type];
  return spec.endpoints.some(([f, t]) => f === from && t === to);
}

/** Every property key the model uses, for the Cypher linter's schema. */
export function allPropertyKeys(): string[] {
  const keys = new Set<string>();
  for (const props of Object.values(NODE_PROPERTIES)) Object.keys(props).forEach((k) => keys.add(k));
  for (const spec of Object.values(RELATIONSHIPS) as RelationshipSpec[]) {
    Object.keys(spec.properties).forEach((k) => keys.add(k));
  }
  return [...keys].sort();
}

/** The lower-cased text that search matches against. */
export function searchTextOf(...parts: Array<string | null | undefined | readonly string[]>): string {
  return parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join(' | ')
    .toLowerCase();
}
