import {
  ACTOR_LABELS,
  ENTITY_LABELS,
  type EntityLabel,
  type NodeLabel,
  type RelationshipType,
} from '../model/graph-model';

/**
 * One relationship traversal the API batches: from parents of some labels,
 * along one relationship type and direction, to nodes of some labels, in a
 * stable order. Every relationship field of the schema resolves through one.
 */
export interface Traversal {
  readonly type: RelationshipType;
  readonly direction: 'outgoing' | 'incoming';
  readonly parentLabels: readonly NodeLabel[];
  readonly nodeLabels: readonly NodeLabel[];
  /** Node property to order by (then id). */
  readonly orderKey: 'name' | 'ordinal' | 'id';
}

const POLITIES = ['State', 'Organization'] as const;
const PLACES = ['Location', 'State'] as const;
const PARTICIPANTS = ['Person', 'State', 'Organization', 'MilitaryUnit'] as const;

const t = (
  type: RelationshipType,
  direction: Traversal['direction'],
  parentLabels: readonly NodeLabel[],
  nodeLabels: readonly NodeLabel[],
  orderKey: Traversal['orderKey'] = 'name',
): Traversal => ({ type, direction, parentLabels, nodeLabels, orderKey });

/** Every traversal the schema's relationship fields use, by name. */
export const TRAVERSALS = {
  statementsMadeBy: t('MADE', 'outgoing', ACTOR_LABELS, ['Statement'], 'ordinal'),
  statementsMentioning: t('MENTIONS', 'incoming', ENTITY_LABELS, ['Statement'], 'ordinal'),
  estimatesOf: t('ESTIMATES', 'incoming', ENTITY_LABELS, ['Estimate'], 'id'),
  eventsParticipatedIn: t('PARTICIPATED_IN', 'outgoing', PARTICIPANTS, ['Event']),
  rolesOf: t('HOLDS_ROLE', 'outgoing', ['Person'], POLITIES),
  officialsOf: t('HOLDS_ROLE', 'incoming', POLITIES, ['Person']),
  relationsFrom: t('RELATION', 'outgoing', POLITIES, POLITIES),
  relationsTo: t('RELATION', 'incoming', POLITIES, POLITIES),
  membersOf: t('PART_OF', 'incoming', POLITIES, ['Organization']),
  partOf: t('PART_OF', 'outgoing', ['Organization'], POLITIES),
  unitsOf: t('BELONGS_TO', 'incoming', ['State'], ['MilitaryUnit']),
  unitBelongsTo: t('BELONGS_TO', 'outgoing', ['MilitaryUnit'], ['State']),
  locationsIn: t('LOCATED_IN', 'incoming', PLACES, ['Location']),
  locatedIn: t('LOCATED_IN', 'outgoing', ['Location'], PLACES),
  deploymentsOf: t('DEPLOYED_TO', 'outgoing', ['MilitaryUnit'], PLACES),
  trainersOf: t('TRAINED_BY', 'outgoing', ['MilitaryUnit'], POLITIES),
  eventsAt: t('OCCURRED_IN', 'incoming', PLACES, ['Event']),
  eventPlaces: t('OCCURRED_IN', 'outgoing', ['Event'], PLACES),
  participantsOf: t('PARTICIPATED_IN', 'incoming', ['Event'], PARTICIPANTS),
  sourcesReporting: t('REPORTED_IN', 'outgoing', ['Event', 'Statement'], ['Source']),
  speakersOf: t('MADE', 'incoming', ['Statement'], ACTOR_LABELS),
  addressees: t('ADDRESSED_TO', 'outgoing', ['Statement'], ENTITY_LABELS),
  mentionsOf: t('MENTIONS', 'outgoing', ['Statement'], ENTITY_LABELS),
  estimatesGivenIn: t('ATTRIBUTED_TO', 'incoming', ['Statement'], ['Estimate'], 'id'),
  statementsReportedIn: t('REPORTED_IN', 'incoming', ['Source'], ['Statement'], 'ordinal'),
  estimateSubject: t('ESTIMATES', 'outgoing', ['Estimate'], ENTITY_LABELS),
  estimateStatement: t('ATTRIBUTED_TO', 'outgoing', ['Estimate'], ['Statement']),
} as const satisfies Record<string, Traversal>;

export type TraversalName = keyof typeof TRAVERSALS;

/** The traversal narrowed to one kind of node (e.g. `mentions(kind: PERSON)`). */
export function narrowed(traversal: Traversal, label: EntityLabel | undefined): Traversal {
  return label ? { ...traversal, nodeLabels: [label] } : traversal;
}

/** The slots that fill `traverse/outgoing` or `traverse/incoming` for a traversal. */
export function traversalSlots(traversal: Traversal): Record<string, string> {
  return {
    type: traversal.type,
    parentLabels: traversal.parentLabels.join('|'),
    nodeLabels: traversal.nodeLabels.join('|'),
    orderKey: traversal.orderKey,
  };
}
