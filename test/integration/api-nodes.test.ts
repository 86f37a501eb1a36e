/**
 * What client caches rely on: Relay's `node(id:)`/`nodes(ids:)`, relationship
 * projections keyed by the same edge id `link` returns, partial data next to
 * a refused field, and depth that counts fields rather than fragments.
 */
import { type Api, TOKEN, codesOf, onlyError, openApi } from '../helpers/api-helper';

let api: Api;
beforeAll(async () => {
  api = await openApi({ seed: true });
});
afterAll(async () => {
  await api?.close();
});

const read = (query: string, variables?: Record<string, unknown>) => api.read(query, variables);
const LINK = `mutation($input: LinkInput!) { link(input: $input) { changed edge { id type from to } } }`;

describe('node(id:) and nodes(ids:)', () => {
  it('refetches any stored node by id, whatever its type', async () => {
    const { a, b, c, d } = await read(`{
      a: node(id: "antony-blinken") { __typename id ... on Person { name } }
      b: node(id: "blinken-meat-grinder") { __typename id ... on Statement { kind } }
      c: node(id: "estimate-10000-troops-in-russia") { __typename id ... on Estimate { label } }
      d: node(id: "no-such-node") { id }
    }`);
    expect(a).toEqual({ __typename: 'Person', id: 'antony-blinken', name: 'Antony Blinken' });
    expect(b).toEqual({ __typename: 'Statement', id: 'blinken-meat-grinder', kind: 'QUOTE' });
    expect(c).toEqual({
      __typename: 'Estimate',
      id: 'estimate-10000-troops-in-russia',
      label: 'around 10,000 troops',
    });
    expect(d).toBeNull();
  });

  it('returns nodes in the order asked, null for unknown ids, in one batched graph query', async () => {
    const result = await api.run(
      `{ nodes(ids: ["north-korea", "nope", "antony-blinken", "report-north-korean-troops-kursk"]) { __typename id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.nodes).toEqual([
      { __typename: 'State', id: 'north-korea' },
      null,
      { __typename: 'Person', id: 'antony-blinken' },
      { __typename: 'Source', id: 'report-north-korean-troops-kursk' },
    ]);
    expect(result.queries).toBe(1);
  });

  it('refuses more than 100 ids with BAD_USER_INPUT naming the argument', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const error = onlyError(
      await api.run(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }),
    );
    expect(error.message).toBe(
      'ids: must list at most 100 ids; got 101. Split the list into several requests.',
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
  });

  it('looks an estimate up by id', async () => {
    const { estimate } = await read(
      `{ estimate(id: "estimate-8000-troops-near-ukraine-border") { id value unit } }`,
    );
    expect(estimate).toEqual({
      id: 'estimate-8000-troops-near-ukraine-border',
      value: 8000,
      unit: 'troops',
    });
    expect((await read(`{ estimate(id: "antony-blinken") { id } }`)).estimate).toBeNull();
  });
});

describe('edge ids on relationship projections', () => {
  it('gives a Role and its Official the id link returns for the same HOLDS_ROLE', async () => {
    const { person } = await read(
      `{ person(id: "antony-blinken") { roles { id title organization { ... on State { id } ... on Organization { id } } } } }`,
    );
    const role = person.roles[0];
    expect(role.id).toBe(`HOLDS_ROLE:antony-blinken:${role.organization.id}`);
    const linked = await api.run(
      LINK,
      {
        input: {
          type: 'HOLDS_ROLE',
          from: 'antony-blinken',
          to: role.organization.id,
          properties: { title: role.title },
        },
      },
      { token: TOKEN },
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data.link.edge.id).toBe(role.id);
    const { node } = await read(
      `query($id: ID!) { node(id: $id) { ... on Organization { officials { id person { id } } } ... on State { officials { id person { id } } } } }`,
      { id: role.organization.id },
    );
    expect(node.officials.find((o: any) => o.person.id === 'antony-blinken').id).toBe(role.id);
  });

  it('gives a Relation the same id from both ends, with opposite directions, equal to the neighbourhood edge', async () => {
    const { state } = await read(
      `{ state(id: "north-korea") { relations { id direction other { ... on State { id } ... on Organization { id } } } } }`,
    );
    expect(state.relations.length).toBeGreaterThan(0);
    const relation = state.relations[0];
    const [from, to] =
      relation.direction === 'OUTGOING'
        ? ['north-korea', relation.other.id]
        : [relation.other.id, 'north-korea'];
    expect(relation.id).toBe(`RELATION:${from}:${to}`);
    const { node } = await read(
      `query($id: ID!) { node(id: $id) { ... on State { relations { id direction } } ... on Organization { relations { id direction } } } }`,
      { id: relation.other.id },
    );
    const seenFromOther = node.relations.find((r: any) => r.id === relation.id);
    expect(seenFromOther.direction).toBe(
      relation.direction === 'OUTGOING' ? 'INCOMING' : 'OUTGOING',
    );
    const { neighborhood } = await read(
      `{ neighborhood(id: "north-korea", hops: 1, limit: 500) { edges { id } } }`,
    );
    expect(neighborhood.edges.map((e: any) => e.id)).toContain(relation.id);
  });

  it('ids deployments, training, participants and participations as TYPE:from:to', async () => {
    const { militaryUnit } = await read(`{ militaryUnit(id: "north-korean-troops-in-russia") {
      deployments { id location { ... on Location { id } ... on State { id } } }
      training { id trainer { ... on State { id } ... on Organization { id } } }
      participatedIn { id event { id } }
    } }`);
    const unit = 'north-korean-troops-in-russia';
    expect(militaryUnit.deployments.length).toBeGreaterThan(0);
    for (const d of militaryUnit.deployments)
      expect(d.id).toBe(`DEPLOYED_TO:${unit}:${d.location.id}`);
    for (const t of militaryUnit.training) expect(t.id).toBe(`TRAINED_BY:${unit}:${t.trainer.id}`);
    expect(militaryUnit.participatedIn.length).toBeGreaterThan(0);
    // Each event's participants in a query of their own: nested in the one above
    // (100 participations x 100 participants) it costs 31,004, over the limit of 20,000.
    for (const p of militaryUnit.participatedIn) {
      expect(p.id).toBe(`PARTICIPATED_IN:${unit}:${p.event.id}`);
      const { event } = await read(
        `query($id: ID!) { event(id: $id) { participants { id entity { id } } } }`,
        { id: p.event.id },
      );
      expect(event.participants.find((x: any) => x.entity.id === unit).id).toBe(p.id);
    }
  });
});

describe('partial data', () => {
  it('keeps a good person next to a refused page size', async () => {
    const result = await api.run(
      `{ person(id: "antony-blinken") { name } people(first: 101) { totalCount } }`,
    );
    expect(result.data).toEqual({ person: { name: 'Antony Blinken' }, people: null });
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(onlyError(result).path).toEqual(['people']);
  });

  it('reports a refused page size on a relationship list on that field alone, keeping its parent and siblings', async () => {
    const result = await api.run(
      `{ graphStats { nodes } person(id: "antony-blinken") { name statements(first: 101) { id } roles { title } } }`,
    );
    expect(result.data.graphStats.nodes).toBeGreaterThan(0);
    expect(result.data.person).toEqual({
      name: 'Antony Blinken',
      statements: [],
      roles: [{ title: 'Secretary of State' }],
    });
    const error = onlyError(result);
    expect(error.message).toBe('first: must be an integer from 0 to 100; got 101.');
    expect(error.path).toEqual(['person', 'statements']);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it("does the same for a statement's mentions", async () => {
    const result = await api.run(
      `{ statement(id: "blinken-meat-grinder") { id mentions(first: -1) { id } } }`,
    );
    expect(result.data.statement).toEqual({ id: 'blinken-meat-grinder', mentions: [] });
    expect(onlyError(result).path).toEqual(['statement', 'mentions']);
  });
});

describe('depth', () => {
  it('counts fields, not fragments: search → Statement → speakers → Person → roles → organization → State → name', async () => {
    const { search } = await read(
      `{ search(text: "meat grinder", first: 5) { node { ... on Statement { speakers { ... on Person { roles { organization { ... on State { name } } } } } } } } }`,
    );
    expect(search.length).toBeGreaterThan(0);
  });
});
