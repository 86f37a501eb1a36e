import { GraphQLScalarType } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types';
import { entityResolvers } from './entity-resolvers';
import { mutationResolvers } from './mutation-resolvers';
import { queryResolvers } from './query-resolvers';
import { statementResolvers } from './statement-resolvers';
import { byLabel } from './entity-resolvers';

/** Arbitrary JSON values (relationship properties). */
const JSON_SCALAR = new GraphQLScalarType({
  name: 'JSON',
  description: 'Arbitrary JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/** The complete resolver map for `schema.graphql`. */
export const resolvers = {
  JSON: JSON_SCALAR,
  SearchResult: byLabel,
  ...entityResolvers,
  ...statementResolvers,
  ...queryResolvers,
  ...mutationResolvers,
} as unknown as Resolvers;

export { createContext } from './context';
export type { ApiContext, ContextOptions, Credentials } from './context';
