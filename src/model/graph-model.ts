/**
 * The knowledge-graph model: the fixed allowlist of node labels, relationship
 * types, their endpoints and their properties.
 *
 * Everything that builds Cypher text from a label or a relationship type takes
 * it from here, never from user input. Each relationship type is defined once,
 * in `RELATIONSHIPS`: traversals, link writes and link validation derive from
 * it, and the embedded DDL (`cypher/schema/create.embedded.cypher`), the
 * GraphQL `LinkType` and `LinkProperties`, the Neo4j constraints and the Cypher
 * lint are checked against it (`src/model/model-checks.ts`,
 * `test/unit/graph-model.test.ts`).
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
  /**
   * Identifiers of the entity in other knowledge bases, each "scheme:id"
   * ("wikidata:Q6279"), at most one per scheme (EXTERNAL_ID_SCHEMES).
   */
  externalIds: 'STRING[]',
  /** Lower-cased name, aliases and external ids, for case-insensitive search. Derived on write. */
  search: 'STRING',
} as const satisfies Record<string, PropertyType>;

/** A scheme of external identifiers: what its ids look like and where one can be read. */
export interface ExternalIdScheme {
  /** What a valid id looks like, in words, for error messages. */
  readonly shape: string;
  readonly pattern: RegExp;
  readonly url: (id: string) => string;
}

/**
 * The external identifier schemes an entity may carry, by name (lower case).
 * Adding one is an entry here; ids are checked against its pattern on input.
 */
export const EXTERNAL_ID_SCHEMES: Readonly<Record<string, ExternalIdScheme>> = {
  wikidata: {
    shape: 'a Wikidata item id: Q and a number without leading zeros, e.g. "Q6279"',
    pattern: /^Q[1-9][0-9]*$/,
    url: (id) => `https://www.wikidata.org/wiki/${id}`,
  },
};

/** The most external ids one entity holds. */
export const EXTERNAL_IDS_MAX = 20;

/** One external id as stored: "scheme:id". */
export function externalIdKey(scheme: string, id: string): string {
  return `${scheme}:${id}`;
}

/** A stored "scheme:id" read back; null for a value that is not one. */
export function parseExternalIdKey(key: string): { scheme: string; id: string } | null {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return null;
  return { scheme: key.slice(0, colon), id: key.slice(colon + 1) };
}

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
    /** The attribution phrase verbatim ("Blinken stated, adding"), when ingested. */
    attribution: 'STRING',
    /** The sentence the statement was read in, verbatim, when ingested from a report. */
    evidence: 'STRING',
    /** Offsets of the statement's span in its source's `text` (UTF-16, half-open). */
    evidenceStart: 'INT64',
    evidenceEnd: 'INT64',
    search: 'STRING',
  },
  Source: {
    id: 'STRING',
    name: 'STRING',
    title: 'STRING',
    publisher: 'STRING',
    url: 'STRING',
    publishedAt: 'STRING',
    /** The full text as ingested (normalised), so statements can show their sentence in context. */
    text: 'STRING',
    /** SHA-256 (hex) of `text`: the same report ingested twice has the same hash. */
    contentHash: 'STRING',
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

/**
 * How a relationship property is checked on input and stored. `text` and
 * `date` are stored as STRING, `enum` as STRING holding one of its values,
 * `list` as STRING[]. A `date` is checked as ISO-8601 when it looks like one
 * and kept as stated otherwise ("on Thursday").
 */
export type PropertySpec =
  | { readonly kind: 'text'; readonly max: number }
  | { readonly kind: 'date'; readonly max: number }
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      /**
       * Must be given when the relationship is created and can never be
       * cleared (an update with null is refused): reads of the relationship
       * need it.
       */
      readonly required?: boolean;
    }
  | { readonly kind: 'list'; readonly maxItems: number; readonly itemMax: number }
  /** A whole number (INT64); only on managed types, which clients never write. */
  | { readonly kind: 'int' };

/** The stored column type of each property kind. */
export const COLUMN_TYPE_OF_KIND: Record<PropertySpec['kind'], PropertyType> = {
  text: 'STRING',
  date: 'STRING',
  enum: 'STRING',
  list: 'STRING[]',
  int: 'INT64',
};

/** Node properties a traversal may order by (then id). */
export type OrderKey = 'name' | 'ordinal' | 'id';

/**
 * One way a GraphQL field walks a relationship type: outgoing from its
 * `from` side or incoming to its `to` side. The parent and node labels are
 * the type's endpoints on each side, unless `nodeLabels` narrows the far side.
 */
export interface TraversalSpec {
  readonly direction: 'outgoing' | 'incoming';
  /** Default `name`. */
  readonly orderKey?: OrderKey;
  /** Only these of the labels at the other end; default all of them. */
  readonly nodeLabels?: readonly NodeLabel[];
  /**
   * A `date` property of the relationship to order by first, newest first
   * (undated last), before `orderKey`. The per-parent cap applies after this
   * order, so a list documented "most recent first" keeps its newest entries.
   * Outgoing traversals only (`traverse/outgoing-newest`).
   */
  readonly newestBy?: string;
}

/**
 * Everything every layer needs to know about one relationship type: the
 * DDL's relationship table, the link writes and their validation, and the
 * loaders' traversals all derive from it.
 */
export interface RelationshipSpec {
  /** Allowed (from, to) label pairs. */
  readonly endpoints: ReadonlyArray<readonly [NodeLabel, NodeLabel]>;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  /** Written only by addStatement and addEstimate; `link` and `unlink` refuse it. */
  readonly managed?: boolean;
  /** The traversals the schema's relationship fields use, by a name unique across types. */
  readonly traversals: Readonly<Record<string, TraversalSpec>>;
}

const pairs = (
  from: readonly NodeLabel[],
  to: readonly NodeLabel[],
): Array<readonly [NodeLabel, NodeLabel]> => from.flatMap((f) => to.map((t) => [f, t] as const));

/** Label groups the relationships (and the resolvers) share. */
export const POLITIES = ['State', 'Organization'] as const;
export const PLACES = ['Location', 'State'] as const;
export const PARTICIPANTS = ['Person', 'State', 'Organization', 'MilitaryUnit'] as const;

/** Relation kinds between polities, as stored on `RELATION.kind`. */
export const RELATION_KINDS = ['PARTNERSHIP', 'ALLIANCE', 'WAR', 'TIES', 'RIVALRY'] as const;

const text = (max = 200) => ({ kind: 'text', max }) as const;
const date = { kind: 'date', max: 200 } as const;

export const RELATIONSHIPS = {
  HOLDS_ROLE: {
    endpoints: pairs(['Person'], POLITIES),
    properties: { title: text(), since: date, until: date },
    traversals: {
      rolesOf: { direction: 'outgoing', newestBy: 'since' },
      officialsOf: { direction: 'incoming' },
    },
  },
  PART_OF: {
    endpoints: pairs(['Organization'], POLITIES),
    properties: {},
    traversals: { partOf: { direction: 'outgoing' }, membersOf: { direction: 'incoming' } },
  },
  MADE: {
    endpoints: pairs(ACTOR_LABELS, ['Statement']),
    properties: {},
    managed: true,
    traversals: {
      statementsMadeBy: { direction: 'outgoing', orderKey: 'ordinal' },
      speakersOf: { direction: 'incoming' },
    },
  },
  MENTIONS: {
    endpoints: pairs(['Statement'], ENTITY_LABELS),
    properties: {},
    traversals: {
      mentionsOf: { direction: 'outgoing' },
      statementsMentioning: { direction: 'incoming', orderKey: 'ordinal' },
    },
  },
  ADDRESSED_TO: {
    endpoints: pairs(['Statement'], ENTITY_LABELS),
    properties: {},
    traversals: { addressees: { direction: 'outgoing' } },
  },
  REPORTED_IN: {
    endpoints: pairs(['Statement', 'Event'], ['Source']),
    /**
     * Each report's own evidence for the statement (docs/sources.md): one
     * statement may be reported in many sources, and each keeps the words as
     * it rendered them, its sentence, the span in its text and its
     * attribution. Null for statements entered by hand or seeded.
     */
    properties: {
      /** The statement's words as this report printed them (a quote keeps its own punctuation). */
      text: text(5000),
      /** The sentence this report gives it in, verbatim. */
      evidence: text(5000),
      /** Offsets of the span in this source's `text` (UTF-16, half-open). */
      evidenceStart: { kind: 'int' },
      evidenceEnd: { kind: 'int' },
      /** The attribution phrase as this report words it. */
      attribution: text(),
    },
    managed: true,
    traversals: {
      sourcesReporting: { direction: 'outgoing' },
      // Events are reported in sources too; the field lists statements only.
      statementsReportedIn: {
        direction: 'incoming',
        orderKey: 'ordinal',
        nodeLabels: ['Statement'],
      },
    },
  },
  BELONGS_TO: {
    endpoints: pairs(['MilitaryUnit'], ['State']),
    properties: {},
    traversals: { unitBelongsTo: { direction: 'outgoing' }, unitsOf: { direction: 'incoming' } },
  },
  DEPLOYED_TO: {
    endpoints: pairs(['MilitaryUnit'], PLACES),
    properties: { status: text(), asOf: date },
    traversals: { deploymentsOf: { direction: 'outgoing', newestBy: 'asOf' } },
  },
  TRAINED_BY: {
    endpoints: pairs(['MilitaryUnit'], POLITIES),
    properties: { disciplines: { kind: 'list', maxItems: 20, itemMax: 100 } },
    traversals: { trainersOf: { direction: 'outgoing' } },
  },
  LOCATED_IN: {
    endpoints: pairs(['Location'], ['State', 'Location']),
    properties: {},
    traversals: { locatedIn: { direction: 'outgoing' }, locationsIn: { direction: 'incoming' } },
  },
  RELATION: {
    endpoints: pairs(POLITIES, POLITIES),
    properties: {
      kind: { kind: 'enum', values: RELATION_KINDS, required: true },
      since: date,
      description: text(1000),
    },
    traversals: {
      relationsFrom: { direction: 'outgoing' },
      relationsTo: { direction: 'incoming' },
    },
  },
  ESTIMATES: {
    endpoints: pairs(['Estimate'], ENTITY_LABELS),
    properties: {},
    managed: true,
    traversals: {
      estimateSubject: { direction: 'outgoing' },
      estimatesOf: { direction: 'incoming', orderKey: 'id' },
    },
  },
  ATTRIBUTED_TO: {
    endpoints: pairs(['Estimate'], ['Statement']),
    properties: {},
    managed: true,
    traversals: {
      estimateStatement: { direction: 'outgoing' },
      estimatesGivenIn: { direction: 'incoming', orderKey: 'id' },
    },
  },
  PARTICIPATED_IN: {
    endpoints: pairs(PARTICIPANTS, ['Event']),
    properties: { role: text() },
    traversals: {
      eventsParticipatedIn: { direction: 'outgoing' },
      participantsOf: { direction: 'incoming' },
    },
  },
  OCCURRED_IN: {
    endpoints: pairs(['Event'], PLACES),
    properties: {},
    traversals: { eventPlaces: { direction: 'outgoing' }, eventsAt: { direction: 'incoming' } },
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

/** Every traversal name the model declares. */
export type TraversalName = {
  [T in RelationshipType]: keyof (typeof RELATIONSHIPS)[T]['traversals'] & string;
}[RelationshipType];

/** The spec of one type, widened for code that treats all types alike. */
export function relationshipSpec(type: RelationshipType): RelationshipSpec {
  return RELATIONSHIPS[type];
}

/** Types clients may `link` and `unlink`: all but the managed ones. */
export const LINKABLE_TYPES = RELATIONSHIP_TYPES.filter((t) => !relationshipSpec(t).managed);

/** The stored columns of a relationship type: its properties' column types. */
export function relationshipColumns(type: RelationshipType): Record<string, PropertyType> {
  return Object.fromEntries(
    Object.entries(relationshipSpec(type).properties).map(([key, p]) => [
      key,
      COLUMN_TYPE_OF_KIND[p.kind],
    ]),
  );
}

/**
 * Statement kinds, as stored. A REPORTED statement is the source's own
 * assertion: it has no `MADE` edge, and its origin is the Source it is
 * `REPORTED_IN`. Every other kind has at least one speaker.
 */
export const STATEMENT_KINDS = ['QUOTE', 'PARAPHRASE', 'HEDGED_CLAIM', 'REPORTED'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

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
  return relationshipSpec(type).endpoints.some(([f, t]) => f === from && t === to);
}

/** Every property key the model uses, for the Cypher linter's schema. */
export function allPropertyKeys(): string[] {
  const keys = new Set<string>();
  for (const props of Object.values(NODE_PROPERTIES))
    Object.keys(props).forEach((k) => keys.add(k));
  for (const type of RELATIONSHIP_TYPES)
    Object.keys(relationshipSpec(type).properties).forEach((k) => keys.add(k));
  return [...keys].sort();
}

/** The lower-cased text that search matches against. */
export function searchTextOf(
  ...parts: Array<string | null | undefined | readonly string[]>
): string {
  return parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join(' | ')
    .toLowerCase();
}
