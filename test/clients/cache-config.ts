/**
 * Client cache configuration for this API, as docs/clients.md gives it: what
 * an Apollo Client or urql app needs so that fragments on `Entity` and the
 * unions match, lists page as Relay connections, and value types without an
 * id are embedded rather than keyed. The client suite uses exactly this.
 */
import { InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { type KeyingConfig, cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import introspection from '../../src/generated/introspection.min.json';
import possibleTypes from '../../src/generated/possible-types.json';

/** Root connections and the arguments (besides first/after) that make separate lists. */
const CONNECTIONS = {
  people: ['filter', 'orderBy'],
  states: ['filter', 'orderBy'],
  organizations: ['filter', 'orderBy'],
  militaryUnits: ['filter', 'orderBy'],
  locations: ['filter', 'orderBy'],
  events: ['filter', 'orderBy'],
  statements: ['filter', 'orderBy'],
  sources: ['filter'],
} as const;

/** Object types with no `id` (pages, edges, counts, results): embedded in their parent. */
export const ID_LESS_TYPES: string[] = (
  introspection.__schema.types as Array<{
    kind: string;
    name: string;
    fields?: Array<{ name: string }> | null;
  }>
)
  .filter(
    (t) =>
      t.kind === 'OBJECT' && !t.name.startsWith('__') && !['Query', 'Mutation'].includes(t.name),
  )
  .filter((t) => !(t.fields ?? []).some((f) => f.name === 'id'))
  .map((t) => t.name);

/** Apollo Client 3 or 4. */
export function apolloCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: possibleTypes.possibleTypes,
    typePolicies: {
      Query: {
        fields: Object.fromEntries(
          Object.entries(CONNECTIONS).map(([field, keyArgs]) => [
            field,
            relayStylePagination([...keyArgs]),
          ]),
        ),
      },
      // Both ends of a RELATION see its id; the direction tells the two views apart.
      Relation: { keyFields: ['id', 'direction'] },
      // Id-less value objects: merge a new selection into the stored one instead of replacing it.
      ...Object.fromEntries(ID_LESS_TYPES.map((name) => [name, { merge: true }])),
    },
  });
}

/** urql's normalized cache (@urql/exchange-graphcache). */
export const urqlKeys: KeyingConfig = {
  Relation: (relation) => `${String(relation.id)}|${String(relation.direction)}`,
  ...Object.fromEntries(ID_LESS_TYPES.map((name) => [name, () => null])),
};

export function urqlCacheExchange() {
  return cacheExchange({
    schema: introspection as never,
    keys: urqlKeys,
    resolvers: {
      Query: Object.fromEntries(
        Object.keys(CONNECTIONS).map((field) => [field, relayPagination()]),
      ),
    },
  });
}
