import { GraphQLScalarType } from 'graphql';
import type { NodeLabel } from '../model/graph-model';
import type { Resolvers } from '../generated/resolvers-types';
import { analyticsResolvers } from './analytics-resolvers';
import { entityResolvers } from './entity-resolvers';
import { ingestResolvers } from './ingest-resolvers';
import { mutationResolvers } from './mutation-resolvers';
import { nodeResolvers } from './node-resolvers';
import { queryResolvers } from './query-resolvers';
import { statementResolvers } from './statement-resolvers';
import { byLabel } from './entity-resolvers';
import { connectionFields } from './connections';

const CONNECTIONS = [
  'Person',
  'State',
  'Organization',
  'MilitaryUnit',
  'Location',
  'Event',
  'Statement',
  'Source',
] as const;
const connectionResolvers = Object.fromEntries(
  CONNECTIONS.map((t) => [`${t}Connection`, connectionFields]),
) as Pick<Resolvers, `${(typeof CONNECTIONS)[number]}Connection`>;

/** Arbitrary JSON values (relationship properties). */
const JSON_SCALAR = new GraphQLScalarType({
  name: 'JSON',
  description: 'Arbitrary JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/** The complete resolver map for `schema.graphql`. */
export const resolvers: Resolvers = {
  JSON: JSON_SCALAR,
  SearchResult: byLabel<Exclude<NodeLabel, 'Estimate'>>(),
  ...connectionResolvers,
  ...entityResolvers,
  ...statementResolvers,
  ...queryResolvers,
  Mutation: { ...mutationResolvers.Mutation, ...ingestResolvers.Mutation },
  StatementMatch: ingestResolvers.StatementMatch,
  Node: nodeResolvers.Node,
  CentralityScore: analyticsResolvers.CentralityScore,
  // Root fields live in several modules; each adds its own to Query.
  Query: { ...queryResolvers.Query, ...nodeResolvers.Query, ...analyticsResolvers.Query },
};

export { createContext } from './context';
export type { ApiContext, ContextOptions } from './context';
export type { RequestBudget } from './request-port';
// The caps the cost rule counts unpaged lists at.
export { NODE_ANALYTICS_MAX_IDS } from './analytics-resolvers';
export { SPEAKERS_LIMIT, UNPAGED_LIMIT } from './relationship-fields';
