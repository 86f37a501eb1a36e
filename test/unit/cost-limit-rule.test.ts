/**
 * The cost rule, run through graphql-js `validate` against the real schema.
 * Each field costs 1; a field with `first` or `limit` multiplies the cost of
 * everything below it by that number; a variable counts as the largest value
 * allowed (first: 100, limit: 500); a left-out argument as its schema default.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type DocumentNode,
  type GraphQLError,
  Kind,
  buildASTSchema,
  getIntrospectionQuery,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { UNPAGED_LIST_CAPS, costLimitRule } from '../../src/server/cost-limit-rule';
import { loadTypeDefs } from '../../src/schema/load-schema';

const schema = buildASTSchema(loadTypeDefs());

/** Errors of the cost rule alone, after checking the document is otherwise valid. */
function costErrors(query: string, maxCost: number, checkValid = true): readonly GraphQLError[] {
  const document = parse(query);
  if (checkValid)
    expect(validate(schema, document, specifiedRules).map((e) => e.message)).toEqual([]);
  return validate(schema, document, [costLimitRule(maxCost)]);
}

/** The computed cost of each operation, read from the error the rule reports with a limit of 0. */
function costsOf(query: string, checkValid = true): number[] {
  return costErrors(query, 0, checkValid).map((e) => e.extensions.cost as number);
}

const costOf = (query: string, checkValid = true): number => {
  const costs = costsOf(query, checkValid);
  expect(costs).toHaveLength(1);
  return costs[0] as number;
};

describe('costLimitRule: computed costs', () => {
  it('counts each field 1', () => {
    expect(costOf('{ __typename }')).toBe(1);
    expect(costOf('{ graphStats { nodes relationships } }')).toBe(3);
    // byLabel is a list: it counts at its cap, the 9 labels of the model (it counted 1 before issue 11).
    expect(costOf('{ graphStats { nodes byLabel { name count } } }')).toBe(1 + 1 + (1 + 9 * 2));
  });

  it('multiplies the cost below a field by its literal `first`', () => {
    // people: 1 + 100 × (edges: 1 + (node: 1 + (statements: 1 + 100 × id)))
    expect(
      costOf('{ people(first: 100) { edges { node { statements(first: 100) { id } } } } }'),
    ).toBe(1 + 100 * (1 + 1 + (1 + 100 * 1)));
  });

  it('costs the documented costly query at 1,010,301', () => {
    const query =
      '{ people(first: 100) { edges { node { statements(first: 100) { mentions(first: 100) { name } } } } } }';
    expect(costOf(query)).toBe(1 + 100 * (1 + 1 + (1 + 100 * (1 + 100 * 1))));
    expect(costOf(query)).toBe(1_010_301);
  });

  it('multiplies by `limit` too', () => {
    expect(costOf('{ neighborhood(id: "x", limit: 500) { nodes { id name } truncated } }')).toBe(
      1 + 500 * (1 + 2 + 1),
    );
  });

  it('counts a variable as the largest value allowed: 100 for first, 500 for limit', () => {
    expect(costOf('query($n: Int) { people(first: $n) { totalCount } }')).toBe(1 + 100 * 1);
    expect(costOf('query($n: Int = 2) { people(first: $n) { totalCount } }')).toBe(101);
    expect(costOf('query($l: Int) { neighborhood(id: "x", limit: $l) { truncated } }')).toBe(
      1 + 500 * 1,
    );
  });

  it('counts a left-out `first` or `limit` as its schema default', () => {
    expect(costOf('{ people { totalCount } }')).toBe(1 + 20 * 1);
    expect(costOf('{ search(text: "nato") { score } }')).toBe(1 + 10 * 1);
    expect(costOf('{ neighborhood(id: "x") { truncated } }')).toBe(1 + 100 * 1);
    // Person.statements defaults to 20 too.
    expect(costOf('{ person(id: "x") { statements { id } } }')).toBe(1 + (1 + 20 * 1));
  });

  it('counts an explicit first: null as its schema default, as the resolvers read it', () => {
    expect(costOf('{ people(first: null) { totalCount } }')).toBe(1 + 20 * 1);
    expect(costOf('{ search(text: "nato", first: null) { score } }')).toBe(1 + 10 * 1);
    expect(costOf('{ neighborhood(id: "x", limit: null) { truncated } }')).toBe(1 + 100 * 1);
    expect(costOf('{ person(id: "x") { statements(first: null) { id } } }')).toBe(1 + (1 + 20 * 1));
  });

  it('counts a list without first at its cap: 100 per traversal, 200 for relations (both directions)', () => {
    expect(costOf('{ person(id: "x") { roles { title } } }')).toBe(1 + (1 + 100 * 1));
    expect(costOf('{ state(id: "x") { officials { title } units { id } } }')).toBe(
      1 + (1 + 100 * 1) + (1 + 100 * 1),
    );
    expect(costOf('{ state(id: "x") { relations { kind } } }')).toBe(1 + (1 + 200 * 1));
    expect(costOf('{ path(from: "a", to: "b") { nodes { id } edges { id } } }')).toBe(
      1 + (1 + 7 * 1) + (1 + 6 * 1),
    );
    // Lists of scalars cost 1: nothing below them is multiplied.
    expect(costOf('{ person(id: "x") { aliases } }')).toBe(1 + 1);
  });

  it('does not count a page twice: edges of a connection and nodes of a neighbourhood are the page `first` or `limit` sized', () => {
    expect(costOf('{ people(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * (1 + (1 + 1)));
    expect(costOf('{ neighborhood(id: "x", limit: 50) { nodes { id } edges { id } } }')).toBe(
      1 + 50 * (1 + 1 + (1 + 1)),
    );
    // Also for a page of one (first: 1 sizes the page, though it multiplies by 1).
    expect(costOf('{ people(first: 1) { edges { node { roles { title since } } } } }')).toBe(
      1 + 1 * (1 + (1 + (1 + 100 * 2))),
    );
    // ...but lists below the page items are capped again.
    expect(costOf('{ people(first: 10) { edges { node { roles { title } } } } }')).toBe(
      1 + 10 * (1 + (1 + (1 + 100 * 1))),
    );
  });

  it('refuses the 157 MB query of issue 11: 15 aliases of roles → officials → roles', () => {
    const one = (i: number) =>
      `p${i}: person(id: "x") { roles { organization { ... on Organization { officials { person { roles { title since } } } } } } }`;
    const query = `{ ${Array.from({ length: 15 }, (_, i) => one(i)).join(' ')} }`;
    // per alias: 1 + (roles: 1 + 100 × (organization: 1 + (officials: 1 + 100 × (person: 1 + (roles: 1 + 100 × 2)))))
    const perAlias = 1 + (1 + 100 * (1 + (1 + 100 * (1 + (1 + 100 * 2)))));
    expect(costOf(query)).toBe(15 * perAlias);
    expect(costErrors(query, 20_000).map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('counts Statement.speakers at its cap of 10', () => {
    expect(costOf('{ statement(id: "s") { speakers { __typename } } }')).toBe(1 + (1 + 10 * 1));
  });

  it('counts the analytics lists at their caps: nodeAnalytics at 500 ids, community members at 100', () => {
    expect(costOf('{ nodeAnalytics(ids: ["a"]) { id pagerank } }')).toBe(1 + 500 * 2);
    // communities(first) sizes the list of communities; each lists at most 100 members.
    expect(costOf('{ communities { communities { id members { id } } } }')).toBe(
      1 + 10 * (1 + (1 + (1 + 100 * 1))),
    );
  });

  it('costs a selection on an interface or union at its costliest possible type, not the sum of all fragments', () => {
    const query =
      '{ entity(id: "x") { id ... on Person { roles { title } } ... on State { officials { title } units { id } } } }';
    // Person: id + roles (1 + 100); State: id + officials (1 + 100) + units (1 + 100): the State branch.
    expect(costOf(query)).toBe(1 + (1 + (1 + 100) + (1 + 100)));
  });

  it('counts an introspection field 1, without its lists: the schema bounds them, not the graph', () => {
    expect(costOf('{ __schema { types { name fields { name args { name } } } } }')).toBe(1);
    expect(costErrors(getIntrospectionQuery(), 20_000)).toEqual([]);
  });

  it('counts first: 0 as 1', () => {
    expect(costOf('{ people(first: 0) { totalCount } }')).toBe(2);
  });

  it('ignores arguments that are not list sizes', () => {
    expect(costOf('{ people(first: 5, after: "abc") { totalCount } }')).toBe(1 + 5);
    expect(costOf('{ path(from: "a", to: "b", maxHops: 6) { length } }')).toBe(2);
  });

  it('expands named fragments and inline fragments', () => {
    const named =
      'query { people(first: 10) { ...Page } } fragment Page on PersonConnection { totalCount edges { cursor } }';
    expect(costOf(named)).toBe(1 + 10 * (1 + (1 + 1)));
    const inline = '{ entity(id: "x") { id ... on Person { statements(first: 5) { id } } } }';
    expect(costOf(inline)).toBe(1 + (1 + (1 + 5 * 1)));
    // An inline fragment's type condition decides the defaults below it.
    const union = '{ statement(id: "s") { speaker { ... on Person { statements { id } } } } }';
    expect(costOf(union)).toBe(1 + (1 + (1 + 20 * 1)));
  });

  it('counts a fragment each time it is spread', () => {
    const query =
      'query { a: people(first: 2) { ...C } b: people(first: 3) { ...C } } fragment C on PersonConnection { totalCount }';
    expect(costOf(query)).toBe(1 + 2 * 1 + (1 + 3 * 1));
  });

  it('costs mutations from the Mutation root', () => {
    const query =
      'mutation { upsertPerson(input: { id: "a", name: "A" }) { id statements { id } } }';
    expect(costOf(query)).toBe(1 + (1 + (1 + 20 * 1)));
  });

  it('costs each operation of a document on its own', () => {
    expect(
      costsOf('query A { people(first: 3) { totalCount } } query B { graphStats { nodes } }'),
    ).toEqual([4, 2]);
  });

  it('cuts fragment cycles instead of looping', () => {
    const cyclic =
      'query { ...A } fragment A on Query { graphStats { nodes } ...B } fragment B on Query { __typename ...A }';
    // A = graphStats { nodes } (2) + B; B = __typename (1) + A, which is already being expanded.
    expect(costOf(cyclic, false)).toBe(2 + 1);
  });
});

describe('costLimitRule: the limit', () => {
  const query = '{ people(first: 100) { edges { node { statements(first: 100) { id } } } } }'; // 10,301

  it('accepts an operation costing exactly the limit', () => {
    expect(costErrors(query, 10_301)).toEqual([]);
  });

  it('refuses an operation costing one more than the limit, with QUERY_TOO_COSTLY, cost and maxCost', () => {
    const errors = costErrors(query, 10_300);
    expect(errors).toHaveLength(1);
    const [error] = errors as [GraphQLError];
    expect(error.message).toBe(
      'Query cost 10301 exceeds the limit of 10300. Ask for fewer items (lower "first" or "limit") or fewer nested lists.',
    );
    expect(error.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 10_301, maxCost: 10_300 });
    expect(error.locations).toEqual([{ line: 1, column: 1 }]);
  });

  it('accepts everyday queries at the default limit of 20,000', () => {
    expect(
      costErrors(
        '{ people { edges { node { id name statements { text mentions { name } } } } } }',
        20_000,
      ),
    ).toEqual([]);
    expect(
      costErrors(
        '{ neighborhood(id: "x", hops: 2, limit: 500) { nodes { id label name } edges { type } truncated } }',
        20_000,
      ),
    ).toEqual([]);
  });

  it('runs alongside the specified rules', () => {
    const document = parse(
      '{ people(first: 100) { edges { node { statements(first: 100) { mentions(first: 100) { name } } } } } }',
    );
    const errors = validate(schema, document, [...specifiedRules, costLimitRule(20_000)]);
    expect(errors.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COSTLY']);
  });
});

describe('costLimitRule: the contract', () => {
  const isList = (type: unknown): boolean =>
    isNonNullType(type) ? isList(type.ofType) : isListType(type);

  it('documents the cap of every list field without first or limit in schema.graphql ("At most N")', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isList(field.type) || !isCompositeType(getNamedType(field.type))) continue;
        if (field.args.some((a) => a.name === 'first' || a.name === 'limit')) continue;
        // A connection's edges and a view's nodes are sized by the field that returned them; a path and graph stats by the model.
        if (
          /Connection$|^GraphView$/.test(type.name) ||
          `${type.name}.${field.name}` in UNPAGED_LIST_CAPS
        )
          continue;
        if (/Always empty/.test(field.description ?? '')) continue;
        if (!/At most \d+/.test(field.description ?? ''))
          undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it.each(['operations.graphql', 'report-operations.graphql'])(
    'accepts every operation of the explorer (web/src/%s) at the default limit of 20,000',
    (file) => {
      const document = parse(readFileSync(path.resolve(__dirname, '../../web/src', file), 'utf8'));
      const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      for (const operation of document.definitions.filter(
        (d) => d.kind === Kind.OPERATION_DEFINITION,
      )) {
        const single: DocumentNode = {
          kind: Kind.DOCUMENT,
          definitions: [operation, ...fragments],
        };
        expect(validate(schema, single, [costLimitRule(20_000)]).map((e) => e.message)).toEqual([]);
      }
    },
  );
});
