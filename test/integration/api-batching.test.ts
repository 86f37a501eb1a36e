/**
 * The batching proof: a nested query costs the same number of graph queries
 * whatever the number of parents, because every relationship field is loaded
 * for all its parents in one batch per response level.
 */
import { type Api, apiOver } from '../helpers/api-helper';
import {
  SYNTHETIC_SOURCE_TITLE,
  openSyntheticGraph,
  personId,
  statementId,
} from '../helpers/synthetic-graph';

const PEOPLE = 300;
const STATEMENTS_PER_PERSON = 5;
const MENTIONS_PER_STATEMENT = 3;

let api: Api;
beforeAll(async () => {
  const synthetic = await openSyntheticGraph({
    people: PEOPLE,
    statementsPerPerson: STATEMENTS_PER_PERSON,
    mentionsPerStatement: MENTIONS_PER_STATEMENT,
  });
  api = await apiOver(synthetic.graph, synthetic.close);
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const NESTED = `query($first: Int!) {
  people(first: $first) {
    edges { node { id name statements(first: 3) { id text mentions { name } source { title } } } }
  }
}`;

interface Person {
  id: string;
  name: string;
  statements: Array<{
    id: string;
    text: string;
    mentions: Array<{ name: string }>;
    source: { title: string };
  }>;
}

async function nested(first: number) {
  const result = await api.run(NESTED, { first });
  expect(result.errors).toBeUndefined();
  const people: Person[] = result.data.people.edges.map((e: { node: Person }) => e.node);
  return { people, queries: result.queries };
}

/** Query counts measured for the report, by number of parents. */
const measured: Record<number, number> = {};
afterAll(() => {
  console.info(
    `Graph queries for the nested query: ${JSON.stringify(measured)} (parents -> queries)`,
  );
});

describe('the synthetic graph', () => {
  it('is larger than the article seed', async () => {
    const result = await api.run(
      `{ graphStats { nodes relationships } people(first: 0) { totalCount } statements(first: 0) { totalCount } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.people.totalCount).toBe(PEOPLE);
    expect(result.data.statements.totalCount).toBe(PEOPLE * STATEMENTS_PER_PERSON);
    // people + statements + one source + 30 mentionable entities
    expect(result.data.graphStats.nodes).toBe(PEOPLE + PEOPLE * STATEMENTS_PER_PERSON + 1 + 30);
    // MADE + REPORTED_IN + MENTIONS per statement
    expect(result.data.graphStats.relationships).toBe(
      PEOPLE * STATEMENTS_PER_PERSON * (2 + MENTIONS_PER_STATEMENT),
    );
  });
});

describe('batching of nested relationship fields', () => {
  it('issues the same number of graph queries for 10 and for 100 parents', async () => {
    const ten = await nested(10);
    const hundred = await nested(100);
    measured[10] = ten.queries;
    measured[100] = hundred.queries;
    expect(ten.people).toHaveLength(10);
    expect(hundred.people).toHaveLength(100);
    expect(hundred.queries).toBe(ten.queries);
  });

  it('needs one page query, one for the statements with their sources, and one for the mentions: 3', async () => {
    for (const first of [1, 10, 100]) {
      const { queries } = await nested(first);
      expect({ first, queries }).toEqual({ first, queries: 3 });
    }
  });

  it('fetches the statements with their sources in one query when source is selected, also through fragments', async () => {
    for (const selection of [
      'id source { title }',
      '...S',
      '... on Statement { id source { title } }',
    ]) {
      const result = await api.run(
        `{ people(first: 10) { edges { node { statements(first: 3) { ${selection} } } } } }
        ${selection === '...S' ? 'fragment S on Statement { id source { title } }' : ''}`,
      );
      expect(result.errors).toBeUndefined();
      const statements = result.data.people.edges.flatMap(
        (e: { node: { statements: unknown[] } }) => e.node.statements,
      );
      expect(statements).toHaveLength(30);
      for (const statement of statements) {
        expect(statement).toMatchObject({ source: { title: SYNTHETIC_SOURCE_TITLE } });
      }
      // one page query + one for the statements with their sources
      expect({ selection, queries: result.queries }).toEqual({ selection, queries: 2 });
    }
  });

  it('gives each person at most 3 statements, their first three in reading order, with mentions and source', async () => {
    const { people } = await nested(100);
    people.forEach((person, index) => {
      const i = index + 1;
      expect(person.id).toBe(personId(i));
      expect(person.name).toBe(`Person ${String(i).padStart(3, '0')}`);
      expect(person.statements.length).toBeLessThanOrEqual(3);
      expect(person.statements.map((s) => s.id)).toEqual([
        statementId(i, 1),
        statementId(i, 2),
        statementId(i, 3),
      ]);
      for (const statement of person.statements) {
        expect(statement.text).toMatch(/^Statement [1-3] of person \d{3}\.$/);
        expect(statement.mentions).toHaveLength(MENTIONS_PER_STATEMENT);
        const names = statement.mentions.map((m) => m.name);
        expect(names).toEqual([...names].sort());
        expect(statement.source).toEqual({ title: SYNTHETIC_SOURCE_TITLE });
      }
    });
  });

  it('returns the same result in the same order when asked twice', async () => {
    const once = await nested(100);
    const twice = await nested(100);
    expect(twice.people).toEqual(once.people);
  });

  it('loads the same field with different arguments in separate batches', async () => {
    const result = await api.run(`query {
      people(first: 50) { edges { node { id one: statements(first: 1) { id } three: statements(first: 3) { id } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const people = result.data.people.edges.map(
      (e: { node: { id: string; one: unknown[]; three: unknown[] } }) => e.node,
    );
    expect(people).toHaveLength(50);
    for (const person of people) {
      expect(person.one).toHaveLength(1);
      expect(person.three).toHaveLength(3);
    }
    expect(people[0].one).toEqual([{ id: statementId(1, 1) }]);
    expect(people[0].three).toEqual([
      { id: statementId(1, 1) },
      { id: statementId(1, 2) },
      { id: statementId(1, 3) },
    ]);
    // one page query + one batch for statements(first: 1) + one for statements(first: 3)
    expect(result.queries).toBe(3);
  });

  it('runs totalCount as one extra query only when it is requested', async () => {
    const without = await api.run(`{ people(first: 20) { edges { node { id } } } }`);
    const withCount = await api.run(`{ people(first: 20) { totalCount edges { node { id } } } }`);
    expect(without.queries).toBe(1);
    expect(withCount.queries).toBe(2);
    expect(withCount.data.people.totalCount).toBe(PEOPLE);
  });

  it('batches the same field across a deeper level: statements → speakers → statements', async () => {
    const small = await api.run(
      `{ people(first: 5) { edges { node { statements(first: 2) { speakers { ... on Person { statements(first: 1) { id } } } } } } } }`,
    );
    const large = await api.run(
      `{ people(first: 80) { edges { node { statements(first: 2) { speakers { ... on Person { statements(first: 1) { id } } } } } } } }`,
    );
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBe(4);
  });
});
