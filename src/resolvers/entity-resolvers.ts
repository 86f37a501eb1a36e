import type { GraphQLResolveInfo } from 'graphql';
import type { GraphNode } from '../graph';
import type { RelationKind } from '../generated/resolvers-types';
import {
  type ActorLabel,
  type EntityLabel,
  ACTOR_LABELS,
  EXTERNAL_ID_SCHEMES,
  PARTICIPANTS as PARTICIPANT_LABELS,
  RELATION_KINDS,
  parseExternalIdKey,
} from '../model/graph-model';
import { TRAVERSALS } from '../loaders';
import type { ApiContext } from './context';
import { nodesViaAsOf } from './as-of';
import { figureGroupsOf } from './figure-groups';
import { KIND_OF_LABEL, propertyFields, text } from './models';
import { edgeIdOf, nodesVia, relText, relatedOf } from './relationship-fields';
import { timelineOf } from './timeline';

const ACTORS: readonly string[] = ACTOR_LABELS;
const PARTICIPANTS: readonly string[] = PARTICIPANT_LABELS;

/**
 * Resolves an abstract type (interface or union) from the node's label; the
 * loaders only ever return nodes of the labels the field allows.
 */
export function byLabel<Label extends string>() {
  return { __resolveType: (node: GraphNode) => node.label as Label };
}

/** An entity's external ids as stored ("scheme:id"), with the page of each where its scheme has one. */
function externalIdsOf(node: GraphNode): { scheme: string; id: string; url: string | null }[] {
  const stored = node.properties.externalIds;
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((key) => {
    const parsed = typeof key === 'string' ? parseExternalIdKey(key) : null;
    if (!parsed) return [];
    const scheme = EXTERNAL_ID_SCHEMES[parsed.scheme];
    return [{ ...parsed, url: scheme ? scheme.url(parsed.id) : null }];
  });
}

/** Fields every entity type shares (the `Entity` interface). */
function entityFields(label: EntityLabel) {
  return {
    ...propertyFields(['name', 'description', 'category', 'timeText', 'date'], ['aliases']),
    kind: () => KIND_OF_LABEL[label],
    externalIds: (node: GraphNode) => externalIdsOf(node),
    // With `asOf`, each of these runs its traversal's asOf query (src/resolvers/as-of.ts).
    statements: ACTORS.includes(label)
      ? nodesViaAsOf(TRAVERSALS.statementsMadeBy, { paged: true })
      : () => [],
    mentionedIn: nodesViaAsOf(TRAVERSALS.statementsMentioning, { paged: true }),
    estimates: nodesViaAsOf(TRAVERSALS.estimatesOf),
    figureGroups: figureGroupsOf,
    timeline: timelineOf,
    participatedIn: PARTICIPANTS.includes(label)
      ? async (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
          (await relatedOf(ctx, TRAVERSALS.eventsParticipatedIn, parent)).map((r) => ({
            id: edgeIdOf(TRAVERSALS.eventsParticipatedIn, parent, r),
            event: r.node,
            role: relText(r, 'role'),
          }))
      : () => [],
  };
}

/**
 * Orders entries by an optional string key (ISO dates compare as strings),
 * entries without it last; the loader's order (name, then id) breaks ties.
 */
function orderedBy<T>(items: T[], key: (item: T) => string | null, direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, value: key(item) }))
    .sort((a, b) => {
      if (a.value !== b.value) {
        if (a.value === null) return 1;
        if (b.value === null) return -1;
        return a.value < b.value ? -sign : sign;
      }
      return a.index - b.index;
    })
    .map((entry) => entry.item);
}

/** A stored RELATION kind; writes only ever store the enum's values. */
function relationKindOf(kind: string | null): RelationKind {
  if (kind && (RELATION_KINDS as readonly string[]).includes(kind)) return kind as RelationKind;
  throw new Error(
    `A RELATION has kind ${JSON.stringify(kind)}, outside RelationKind; the graph breaks its model.`,
  );
}

/** `relations` of a state or organization: stored relationships in both directions. */
async function relations(parent: GraphNode, _args: unknown, ctx: ApiContext) {
  const [outgoing, incoming] = await Promise.all([
    relatedOf(ctx, TRAVERSALS.relationsFrom, parent),
    relatedOf(ctx, TRAVERSALS.relationsTo, parent),
  ]);
  const view = (direction: 'OUTGOING' | 'INCOMING') => (r: (typeof outgoing)[number]) => ({
    id: edgeIdOf(
      direction === 'OUTGOING' ? TRAVERSALS.relationsFrom : TRAVERSALS.relationsTo,
      parent,
      r,
    ),
    kind: relationKindOf(relText(r, 'kind')),
    description: relText(r, 'description'),
    since: relText(r, 'since'),
    other: r.node,
    direction,
  });
  return [...outgoing.map(view('OUTGOING')), ...incoming.map(view('INCOMING'))];
}

async function officials(parent: GraphNode, _args: unknown, ctx: ApiContext) {
  return (await relatedOf(ctx, TRAVERSALS.officialsOf, parent)).map((r) => ({
    id: edgeIdOf(TRAVERSALS.officialsOf, parent, r),
    person: r.node,
    title: relText(r, 'title'),
    since: relText(r, 'since'),
    until: relText(r, 'until'),
  }));
}

export const entityResolvers = {
  Entity: byLabel<EntityLabel>(),
  Polity: byLabel<'State' | 'Organization'>(),
  Place: byLabel<'Location' | 'State'>(),
  Actor: byLabel<ActorLabel>(),
  Person: {
    ...entityFields('Person'),
    // Most recent `since` first: the traversal's own order (`newestBy` in the model), applied before its cap.
    roles: async (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
      (await relatedOf(ctx, TRAVERSALS.rolesOf, parent)).map((r) => ({
        id: edgeIdOf(TRAVERSALS.rolesOf, parent, r),
        title: relText(r, 'title'),
        since: relText(r, 'since'),
        until: relText(r, 'until'),
        organization: r.node,
      })),
  },
  State: {
    ...entityFields('State'),
    relations,
    officials,
    members: nodesVia(TRAVERSALS.membersOf),
    units: nodesVia(TRAVERSALS.unitsOf),
    locations: nodesVia(TRAVERSALS.locationsIn),
  },
  Organization: {
    ...entityFields('Organization'),
    relations,
    officials,
    partOf: nodesVia(TRAVERSALS.partOf),
    members: nodesVia(TRAVERSALS.membersOf),
  },
  MilitaryUnit: {
    ...entityFields('MilitaryUnit'),
    belongsTo: nodesVia(TRAVERSALS.unitBelongsTo),
    // Most recent `asOf` first: the traversal's own order (`newestBy` in the model), applied before its cap.
    deployments: async (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
      (await relatedOf(ctx, TRAVERSALS.deploymentsOf, parent)).map((r) => ({
        id: edgeIdOf(TRAVERSALS.deploymentsOf, parent, r),
        location: r.node,
        status: relText(r, 'status'),
        asOf: relText(r, 'asOf'),
      })),
    training: async (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
      (await relatedOf(ctx, TRAVERSALS.trainersOf, parent)).map((r) => {
        const disciplines = r.rel.properties.disciplines;
        return {
          id: edgeIdOf(TRAVERSALS.trainersOf, parent, r),
          trainer: r.node,
          disciplines: Array.isArray(disciplines) ? disciplines.map(String) : [],
        };
      }),
  },
  Location: {
    ...entityFields('Location'),
    within: nodesVia(TRAVERSALS.locatedIn),
    contains: nodesVia(TRAVERSALS.locationsIn),
    // By date, then name.
    events: async (
      parent: GraphNode,
      args: { first?: number | null },
      ctx: ApiContext,
      info: GraphQLResolveInfo,
    ) =>
      orderedBy(
        await nodesVia(TRAVERSALS.eventsAt)(parent, args, ctx, info),
        (event) => text(event, 'date'),
        'asc',
      ),
  },
  Event: {
    ...entityFields('Event'),
    participants: async (parent: GraphNode, _args: unknown, ctx: ApiContext) =>
      (await relatedOf(ctx, TRAVERSALS.participantsOf, parent)).map((r) => ({
        id: edgeIdOf(TRAVERSALS.participantsOf, parent, r),
        entity: r.node,
        role: relText(r, 'role'),
      })),
    occurredIn: nodesVia(TRAVERSALS.eventPlaces),
    sources: nodesVia(TRAVERSALS.sourcesReporting),
  },
};
