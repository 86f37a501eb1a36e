/**
 * The benchmark scenarios: GraphQL operations parameterised by fan-out (how
 * many parents the widest level of the response has).
 */
import type { ScenarioIds } from './synthetic-graph';

export interface Operation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Largest fan-out the API accepts for this scenario (argument limits). */
  readonly maxFanout: number;
  /** True when fan-out does not change the operation (run once). */
  readonly fixed?: boolean;
  readonly mutation?: boolean;
  operation(ids: ScenarioIds, fanout: number, rep: number): Operation;
}

export const NESTED_QUERY = `query Nested($n: Int!) {
  people(first: $n) { edges { node { id name
    statements(first: 10) { id text mentions(first: 5) { id name } }
  } } }
}`;

export const LOOKUP_ONE = `query Lookup($id: ID!) { person(id: $id) { id name description category } }`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'lookup',
    description: '`person(id)` × fan-out, as aliases in one operation',
    maxFanout: 1000,
    operation(ids, fanout, rep) {
      const fields = Array.from({ length: fanout }, (_, i) => {
        const id = ids.persons[(i + rep * 7) % ids.persons.length] as string;
        return `p${i}: person(id: "${id}") { id name description category }`;
      });
      return { query: `query Lookup { ${fields.join('\n')} }`, variables: {} };
    },
  },
  {
    name: 'nested',
    description: '`people(first: N) → statements(first: 10) → mentions(first: 5)`',
    maxFanout: 100,
    operation: (_ids, fanout) => ({ query: NESTED_QUERY, variables: { n: fanout } }),
  },
  {
    name: 'search',
    description: '`search(text, first: N)` over every label (substring + edit distance)',
    maxFanout: 100,
    operation: (ids, fanout) => ({
      query: `query Search($t: String!, $n: Int!) { search(text: $t, first: $n) { score node { __typename ... on Entity { id name } ... on Statement { id text } } } }`,
      variables: { t: ids.searchText, n: fanout },
    }),
  },
  {
    name: 'neighborhood',
    description: '`neighborhood(id: hub, hops: 2, limit: N)`',
    maxFanout: 500,
    operation: (ids, fanout) => ({
      query: `query Hood($id: ID!, $n: Int!) { neighborhood(id: $id, hops: 2, limit: $n) { truncated nodes { id label name } edges { type from to } } }`,
      variables: { id: ids.hub, n: fanout },
    }),
  },
  {
    name: 'path',
    description: '`path(from, to, maxHops: 6)` between a top speaker and a much-mentioned entity',
    maxFanout: 1,
    fixed: true,
    operation: (ids) => ({
      query: `query Path($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { length nodes { id name } edges { type from to } } }`,
      variables: { a: ids.pathFrom, b: ids.pathTo },
    }),
  },
  {
    name: 'addStatement',
    description: '`addStatement` mentioning min(N, 50) entities, returning its mentions',
    maxFanout: 1000,
    mutation: true,
    operation(ids, fanout, rep) {
      const n = Math.min(fanout, 50);
      return {
        query: `mutation Add($input: AddStatementInput!, $n: Int!) { addStatement(input: $input) { id speaker { ... on Entity { id name } } source { title } mentions(first: $n) { id name } } }`,
        variables: {
          n,
          input: {
            id: `bench-stmt-${fanout}-${rep}-${Date.now().toString(36)}`,
            text: 'Benchmark statement about troops and talks.',
            kind: 'QUOTE',
            speakerId: ids.speakerId,
            sourceId: ids.sourceId,
            mentionIds: ids.entityIds.slice(0, n),
          },
        },
      };
    },
  },
];
