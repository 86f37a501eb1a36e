/**
 * Mutations: each write succeeds with the token and shows through queries,
 * each malformed input is refused with BAD_USER_INPUT naming the input field,
 * unknown references are NOT_FOUND, clashes are CONFLICT, and a refused
 * mutation leaves the graph as it was. A few run over real HTTP.
 */
import { readSeed } from '../../src/seed/load-seed';
import { type Api, type RunResult, TOKEN, onlyError, openApi } from '../helpers/api-helper';
import { TEST_TOKEN, type TestServer, startTestServer } from '../helpers/server-helper';

const SOURCE = 'report-north-korean-troops-kursk';
const seed = readSeed();

let api: Api;

/**
 * Gives the enclosing describe a seeded API: a fresh one per test where tests
 * write, one shared by all its tests where every write is refused.
 */
function useApi(scope: 'each' | 'all'): void {
  const open = async () => {
    api = await openApi({ seed: true });
  };
  const close = async () => {
    await api?.close();
  };
  if (scope === 'each') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
}

/** Runs a mutation with the token; it must succeed. */
async function write(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api.run(query, variables, { token: TOKEN });
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function read(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api.run(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** Runs a mutation with the token; it must fail with exactly one error of `code`. */
async function refused(
  query: string,
  variables: Record<string, unknown> | undefined,
  code: string,
) {
  const result = await api.run(query, variables, { token: TOKEN });
  const error = onlyError(result);
  expect(error.extensions?.code).toBe(code);
  return error;
}

const STATS = `{ graphStats { nodes relationships byLabel { name count } byType { name count } } }`;
const stats = async () => (await read(STATS)).graphStats;

const UPSERT_PERSON = `mutation($input: EntityInput!) { upsertPerson(input: $input) { id name kind aliases description category timeText date } }`;
const ADD_STATEMENT = `mutation($input: AddStatementInput!) { addStatement(input: $input) { id name text kind ordinal } }`;
const LINK = `mutation($input: LinkInput!) { link(input: $input) { changed edge { id type from to properties } } }`;
const UNLINK = `mutation($input: UnlinkInput!) { unlink(input: $input) { changed edge { id type from to properties } } }`;
const DELETE = `mutation($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { id deletedNodes deletedRelationships } }`;

describe('authorization', () => {
  useApi('all');

  const mutation = `mutation { upsertPerson(input: { id: "jane-doe", name: "Jane Doe" }) { id } }`;

  async function expectNothingWritten() {
    expect((await read(`{ person(id: "jane-doe") { id } }`)).person).toBeNull();
  }

  it('refuses a mutation without an Authorization header as UNAUTHENTICATED', async () => {
    const error = onlyError(await api.run(mutation));
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('Mutations need an "Authorization: Bearer <token>" header.');
    await expectNothingWritten();
  });

  it('refuses a wrong token as FORBIDDEN', async () => {
    const error = onlyError(await api.run(mutation, {}, { token: 'not-the-right-token' }));
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(error.message).toBe('The bearer token is not valid for writes.');
    await expectNothingWritten();
  });

  it('refuses every write as FORBIDDEN when the server has no API token, naming API_TOKEN', async () => {
    const error = onlyError(await api.run(mutation, {}, { token: TOKEN, apiToken: null }));
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(error.message).toContain('API_TOKEN');
    await expectNothingWritten();
  });

  it('lets queries through without any token', async () => {
    const result = await api.run(
      `{ person(id: "antony-blinken") { name } }`,
      {},
      { apiToken: null },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.person.name).toBe('Antony Blinken');
  });
});

describe('upserting entities and sources', () => {
  useApi('each');

  it('creates a person, then updates it keeping the fields left out and clearing explicit nulls', async () => {
    const created = await write(UPSERT_PERSON, {
      input: {
        id: 'jane-doe',
        name: 'Jane Doe',
        aliases: ['J. Doe'],
        description: 'Analyst',
        category: 'analyst',
        timeText: 'last week',
        date: '2024-11-01',
      },
    });
    expect(created.upsertPerson).toEqual({
      id: 'jane-doe',
      name: 'Jane Doe',
      kind: 'PERSON',
      aliases: ['J. Doe'],
      description: 'Analyst',
      category: 'analyst',
      timeText: 'last week',
      date: '2024-11-01',
    });

    const updated = await write(UPSERT_PERSON, {
      input: { id: 'jane-doe', name: 'Jane Q. Doe', description: 'Senior analyst', timeText: null },
    });
    expect(updated.upsertPerson).toEqual({
      id: 'jane-doe',
      name: 'Jane Q. Doe',
      kind: 'PERSON',
      aliases: ['J. Doe'],
      description: 'Senior analyst',
      category: 'analyst',
      timeText: null,
      date: '2024-11-01',
    });
    const { person, search } = await read(
      `{ person(id: "jane-doe") { name aliases category } search(text: "j. doe", kinds: [PERSON]) { node { ... on Person { id } } } }`,
    );
    expect(person).toEqual({ name: 'Jane Q. Doe', aliases: ['J. Doe'], category: 'analyst' });
    expect(search[0].node.id).toBe('jane-doe');
  });

  it('updates an existing seed person without losing its relationships', async () => {
    await write(UPSERT_PERSON, { input: { id: 'antony-blinken', name: 'Antony J. Blinken' } });
    const { person } = await read(
      `{ person(id: "antony-blinken") { name aliases statements { id } roles { title } } }`,
    );
    expect(person.name).toBe('Antony J. Blinken');
    expect(person.aliases).toContain('Tony Blinken');
    expect(person.statements).toHaveLength(6);
    expect(person.roles).toEqual([{ title: 'Secretary of State' }]);
  });

  it.each([
    ['upsertState', 'state', 'STATE', 'State'],
    ['upsertOrganization', 'organization', 'ORGANIZATION', 'Organization'],
    ['upsertMilitaryUnit', 'militaryUnit', 'MILITARY_UNIT', 'MilitaryUnit'],
    ['upsertLocation', 'location', 'LOCATION', 'Location'],
    ['upsertEvent', 'event', 'EVENT', 'Event'],
  ])(
    '%s creates a node that %s(id) and entity(id) return',
    async (mutation, lookup, kind, typename) => {
      const data = await write(
        `mutation($input: EntityInput!) { ${mutation}(input: $input) { __typename id name kind date } }`,
        {
          input: { id: 'new-thing', name: 'New thing', date: '2024' },
        },
      );
      expect(data[mutation]).toEqual({
        __typename: typename,
        id: 'new-thing',
        name: 'New thing',
        kind,
        date: '2024',
      });
      const found = await read(
        `{ ${lookup}(id: "new-thing") { id name } entity(id: "new-thing") { __typename kind } }`,
      );
      expect(found[lookup]).toEqual({ id: 'new-thing', name: 'New thing' });
      expect(found.entity).toEqual({ __typename: typename, kind });
    },
  );

  it('upsertSource creates a source and updates it keeping fields left out', async () => {
    const created = await write(
      `mutation($input: SourceInput!) { upsertSource(input: $input) { id title publisher url publishedAt statementCount } }`,
      {
        input: {
          id: 'wire-report',
          title: 'Wire report',
          publisher: 'Wire Agency',
          url: 'https://example.org/report',
          publishedAt: '2024-11-01',
        },
      },
    );
    expect(created.upsertSource).toEqual({
      id: 'wire-report',
      title: 'Wire report',
      publisher: 'Wire Agency',
      url: 'https://example.org/report',
      publishedAt: '2024-11-01',
      statementCount: 0,
    });
    await write(
      `mutation { upsertSource(input: { id: "wire-report", title: "Wire report, updated" }) { id } }`,
    );
    const { source } = await read(`{ source(id: "wire-report") { title publisher url } }`);
    expect(source).toEqual({
      title: 'Wire report, updated',
      publisher: 'Wire Agency',
      url: 'https://example.org/report',
    });
  });

  it('refuses an id that belongs to a node of another label with CONFLICT, writing nothing', async () => {
    const before = await stats();
    const error = await refused(
      `mutation { upsertState(input: { id: "antony-blinken", name: "Blinkenland" }) { id } }`,
      undefined,
      'CONFLICT',
    );
    expect(error.message).toBe(
      'input.id: "antony-blinken" already belongs to a Person; ids are unique across the graph.',
    );
    expect(error.extensions?.argument).toBe('input.id');
    expect(await stats()).toEqual(before);
    expect((await read(`{ person(id: "antony-blinken") { name } }`)).person.name).toBe(
      'Antony Blinken',
    );
  });
});

describe('recording statements and estimates', () => {
  useApi('each');

  it('adds a statement with mentions and addressees, visible through every query', async () => {
    const { addStatement } = await write(ADD_STATEMENT, {
      input: {
        id: 'austin-new-warning',
        text: 'Any further deployment will be met with a response.',
        kind: 'QUOTE',
        context: 'at a briefing',
        timeText: 'on Friday',
        saidAt: '2024-11-01',
        speakerId: 'lloyd-austin',
        sourceId: SOURCE,
        mentionIds: ['north-korea', 'north-korean-troops-in-russia', 'kursk-region'],
        addressedToIds: ['north-korea', 'russia'],
      },
    });
    expect(addStatement).toEqual({
      id: 'austin-new-warning',
      name: 'Lloyd Austin: Any further deployment will be met',
      text: 'Any further deployment will be met with a response.',
      kind: 'QUOTE',
      ordinal: 24,
    });
    const data = await read(`{
      statement(id: "austin-new-warning") {
        context timeText saidAt
        speaker { ... on Person { id } }
        mentions { id }
        addressedTo { id }
        source { id statementCount }
      }
      person(id: "lloyd-austin") { statements { id } }
      location(id: "kursk-region") { mentionedIn { id } }
      statements(filter: { addressedToId: "russia" }) { totalCount edges { node { id } } }
    }`);
    expect(data.statement).toEqual({
      context: 'at a briefing',
      timeText: 'on Friday',
      saidAt: '2024-11-01',
      speaker: { id: 'lloyd-austin' },
      mentions: [
        { id: 'kursk-region' },
        { id: 'north-korea' },
        { id: 'north-korean-troops-in-russia' },
      ],
      addressedTo: [{ id: 'north-korea' }, { id: 'russia' }],
      source: { id: SOURCE, statementCount: 24 },
    });
    expect(data.person.statements.map((s: { id: string }) => s.id)).toEqual([
      'austin-co-belligerents',
      'austin-new-warning',
    ]);
    expect(data.location.mentionedIn.map((s: { id: string }) => s.id)).toEqual([
      'blinken-10000-troops-sent-to-russia',
      'austin-new-warning',
    ]);
    expect(data.statements).toEqual({
      totalCount: 1,
      edges: [{ node: { id: 'austin-new-warning' } }],
    });
  });

  it('generates a slug id and a name when none is given, and a state can speak', async () => {
    const { addStatement } = await write(ADD_STATEMENT, {
      input: {
        text: 'We will respond.',
        kind: 'PARAPHRASE',
        speakerId: 'ukraine',
        sourceId: SOURCE,
      },
    });
    expect(addStatement.id).toMatch(/^ukraine-we-will-respond-[0-9a-f]{6}$/);
    expect(addStatement.name).toBe('Ukraine: We will respond.');
    const { state } = await read(`{ state(id: "ukraine") { statements { id } } }`);
    expect(state.statements.map((s: { id: string }) => s.id)).toEqual([addStatement.id]);
  });

  it('adds an estimate that its subject and statement show', async () => {
    const { addEstimate } = await write(
      `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { id value unit qualifier scope label subject { id } attributedTo { id } } }`,
      {
        input: {
          id: 'estimate-12000-troops',
          value: 12000,
          unit: 'troops',
          qualifier: 'up to',
          scope: 'by year end',
          subjectId: 'north-korean-troops-in-russia',
          statementId: 'austin-co-belligerents',
        },
      },
    );
    expect(addEstimate).toEqual({
      id: 'estimate-12000-troops',
      value: 12000,
      unit: 'troops',
      qualifier: 'up to',
      scope: 'by year end',
      label: 'up to 12,000 troops',
      subject: { id: 'north-korean-troops-in-russia' },
      attributedTo: { id: 'austin-co-belligerents' },
    });
    const data = await read(`{
      militaryUnit(id: "north-korean-troops-in-russia") { estimates { id } }
      statement(id: "austin-co-belligerents") { estimates { label } }
    }`);
    expect(data.militaryUnit.estimates.map((e: { id: string }) => e.id)).toEqual([
      'estimate-10000-troops-in-russia',
      'estimate-12000-troops',
      'estimate-8000-troops-near-ukraine-border',
    ]);
    expect(data.statement.estimates).toEqual([{ label: 'up to 12,000 troops' }]);
  });

  it('refuses a statement id that is already taken with CONFLICT', async () => {
    const error = await refused(
      ADD_STATEMENT,
      {
        input: {
          id: 'blinken-meat-grinder',
          text: 'Again.',
          kind: 'QUOTE',
          speakerId: 'antony-blinken',
          sourceId: SOURCE,
        },
      },
      'CONFLICT',
    );
    expect(error.message).toBe('input.id: "blinken-meat-grinder" is already taken.');
    expect(error.extensions?.argument).toBe('input.id');
  });
});

describe('linking and unlinking', () => {
  useApi('each');

  it('creates a HOLDS_ROLE with its title, seen from both ends', async () => {
    const { link } = await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'lloyd-austin',
        to: 'pentagon',
        properties: { title: 'Head of the Pentagon', since: '2021-01' },
      },
    });
    expect(link).toEqual({
      changed: true,
      edge: {
        id: 'HOLDS_ROLE:lloyd-austin:pentagon',
        type: 'HOLDS_ROLE',
        from: 'lloyd-austin',
        to: 'pentagon',
        properties: { title: 'Head of the Pentagon', since: '2021-01' },
      },
    });
    const data = await read(`{
      person(id: "lloyd-austin") { roles { title since organization { ... on Organization { id } ... on State { id } } } }
      organization(id: "pentagon") { officials { title person { id } } }
    }`);
    expect(data.person.roles).toEqual(
      expect.arrayContaining([
        { title: 'Head of the Pentagon', since: '2021-01', organization: { id: 'pentagon' } },
        { title: 'Secretary of Defense', since: null, organization: { id: 'united-states' } },
      ]),
    );
    expect(data.person.roles).toHaveLength(2);
    expect(data.organization.officials).toEqual([
      { title: 'Head of the Pentagon', person: { id: 'lloyd-austin' } },
    ]);
  });

  it('updates the properties of an existing link, keeping those left out', async () => {
    const first = await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'antony-blinken',
        to: 'united-states',
        properties: { since: '2021-01-26' },
      },
    });
    expect(first.link).toEqual({
      changed: true,
      edge: {
        id: 'HOLDS_ROLE:antony-blinken:united-states',
        type: 'HOLDS_ROLE',
        from: 'antony-blinken',
        to: 'united-states',
        properties: { title: 'Secretary of State', since: '2021-01-26' },
      },
    });
    const again = await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'antony-blinken',
        to: 'united-states',
        properties: { since: '2021-01-26' },
      },
    });
    expect(again.link.changed).toBe(false);
    const { person } = await read(`{ person(id: "antony-blinken") { roles { title since } } }`);
    expect(person.roles).toEqual([{ title: 'Secretary of State', since: '2021-01-26' }]);
    const { graphStats } = await read(`{ graphStats { relationships } }`);
    expect(graphStats.relationships).toBe(168);
  });

  it('links organizations and locations so that members and contains show them', async () => {
    await write(
      `mutation { upsertLocation(input: { id: "sudzha", name: "Sudzha", category: "town" }) { id } }`,
    );
    await write(LINK, { input: { type: 'LOCATED_IN', from: 'sudzha', to: 'kursk-region' } });
    await write(LINK, {
      input: { type: 'PART_OF', from: 'south-korea-defense-ministry', to: 'nato' },
    });
    await write(LINK, {
      input: {
        type: 'RELATION',
        from: 'nato',
        to: 'ukraine',
        properties: { kind: 'PARTNERSHIP', description: 'Support' },
      },
    });
    const data = await read(`{
      location(id: "kursk-region") { contains { id name } }
      sudzha: location(id: "sudzha") { within { ... on Location { id } } }
      organization(id: "nato") { members { id } relations { kind description direction other { ... on State { id } } } }
    }`);
    expect(data.location.contains).toEqual([{ id: 'sudzha', name: 'Sudzha' }]);
    expect(data.sudzha.within).toEqual([{ id: 'kursk-region' }]);
    expect(data.organization.members).toEqual([{ id: 'south-korea-defense-ministry' }]);
    expect(data.organization.relations).toEqual([
      {
        kind: 'PARTNERSHIP',
        description: 'Support',
        direction: 'OUTGOING',
        other: { id: 'ukraine' },
      },
    ]);
  });

  it('orders deployments by most recent asOf first, undated ones last', async () => {
    await write(LINK, {
      input: {
        type: 'DEPLOYED_TO',
        from: 'north-korean-troops-in-russia',
        to: 'russia',
        properties: { asOf: '2024-10' },
      },
    });
    await write(LINK, {
      input: {
        type: 'DEPLOYED_TO',
        from: 'north-korean-troops-in-russia',
        to: 'russia-ukraine-border-area',
        properties: { asOf: '2024-11-01', status: 'engaged in combat' },
      },
    });
    const { militaryUnit } = await read(`{
      militaryUnit(id: "north-korean-troops-in-russia") { deployments { status asOf location { ... on Location { id } ... on State { id } } } }
    }`);
    expect(militaryUnit.deployments).toEqual([
      {
        status: 'engaged in combat',
        asOf: '2024-11-01',
        location: { id: 'russia-ukraine-border-area' },
      },
      { status: 'sent', asOf: '2024-10', location: { id: 'russia' } },
      { status: 'stationed', asOf: null, location: { id: 'kursk-region' } },
    ]);
  });

  it('orders roles by most recent since first', async () => {
    await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'antony-blinken',
        to: 'united-states',
        properties: { since: '2021-01-26' },
      },
    });
    await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'antony-blinken',
        to: 'nato',
        properties: { title: 'Liaison', since: '2023' },
      },
    });
    await write(LINK, {
      input: {
        type: 'HOLDS_ROLE',
        from: 'antony-blinken',
        to: 'pentagon',
        properties: { title: 'Observer' },
      },
    });
    const { person } = await read(`{ person(id: "antony-blinken") { roles { title since } } }`);
    expect(person.roles).toEqual([
      { title: 'Liaison', since: '2023' },
      { title: 'Secretary of State', since: '2021-01-26' },
      { title: 'Observer', since: null },
    ]);
  });

  it('orders the events of a location by date, then name', async () => {
    for (const [id, name, date] of [
      ['late-summit', 'A late summit', '2024-12'],
      ['early-summit', 'Zeta early summit', '2023'],
      ['undated-summit', 'An undated summit', null],
    ]) {
      await write(`mutation($input: EntityInput!) { upsertEvent(input: $input) { id } }`, {
        input: { id, name, date },
      });
      await write(LINK, { input: { type: 'OCCURRED_IN', from: id, to: 'washington' } });
    }
    const { location } = await read(`{ location(id: "washington") { events { id date } } }`);
    expect(location.events).toEqual([
      { id: 'early-summit', date: '2023' },
      { id: 'late-summit', date: '2024-12' },
      { id: 'undated-summit', date: null },
      { id: 'blinken-press-conference', date: null },
    ]);
  });

  it('unlinks a relationship: changed true the first time, false the second', async () => {
    const input = { type: 'MENTIONS', from: 'blinken-meat-grinder', to: 'vladimir-putin' };
    const first = await write(UNLINK, { input });
    expect(first.unlink).toEqual({
      changed: true,
      edge: {
        id: 'MENTIONS:blinken-meat-grinder:vladimir-putin',
        type: 'MENTIONS',
        from: 'blinken-meat-grinder',
        to: 'vladimir-putin',
        properties: null,
      },
    });
    const second = await write(UNLINK, { input });
    expect(second.unlink.changed).toBe(false);
    const { person } = await read(`{ person(id: "vladimir-putin") { mentionedIn { id } } }`);
    expect(person.mentionedIn.map((s: { id: string }) => s.id)).toEqual([
      'zelenskyy-putin-testing-response',
      'zelenskyy-counter-or-stand-by',
    ]);
  });

  it('returns the removed properties when unlinking a relationship that has some', async () => {
    const { unlink } = await write(UNLINK, {
      input: { type: 'TRAINED_BY', from: 'north-korean-troops-in-russia', to: 'russia' },
    });
    expect(unlink.changed).toBe(true);
    expect(unlink.edge.properties).toEqual({ disciplines: ['artillery', 'UAVs', 'infantry'] });
    const { militaryUnit } = await read(
      `{ militaryUnit(id: "north-korean-troops-in-russia") { training { disciplines } } }`,
    );
    expect(militaryUnit.training).toEqual([]);
  });

  it('refuses a RELATION without a kind', async () => {
    const error = await refused(
      LINK,
      { input: { type: 'RELATION', from: 'nato', to: 'russia' } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe('input.properties.kind: is required when creating a RELATION.');
    expect(error.extensions?.argument).toBe('input.properties.kind');
  });
});

describe('deleting entities', () => {
  useApi('each');

  it('refuses to delete Blinken while his statements depend on him', async () => {
    const before = await stats();
    const error = await refused(DELETE, { id: 'antony-blinken' }, 'CONFLICT');
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', argument: 'id', dependents: 6 });
    expect(error.message).toBe(
      'id: 6 statement(s) depend on "antony-blinken" (blinken-10000-troops-sent-to-russia, us-8000-troops-near-ukraine-border, ' +
        'blinken-russia-struggling, blinken-meat-grinder, blinken-russia-weakened-position, ...); pass cascade: true to delete them too.',
    );
    expect(await stats()).toEqual(before);
  });

  it('deletes Blinken with cascade, removing his statements and their estimates', async () => {
    const statements = seed.relationships
      .filter((r) => r.type === 'MADE' && r.from === 'antony-blinken')
      .map((r) => r.to);
    const estimates = seed.relationships
      .filter((r) => r.type === 'ATTRIBUTED_TO' && statements.includes(r.to))
      .map((r) => r.from);
    const doomed = new Set(['antony-blinken', ...statements, ...estimates]);
    const doomedRels = seed.relationships.filter(
      (r) => doomed.has(r.from) || doomed.has(r.to),
    ).length;

    const { deleteEntity } = await write(DELETE, { id: 'antony-blinken', cascade: true });
    expect(deleteEntity).toEqual({
      id: 'antony-blinken',
      deletedNodes: doomed.size,
      deletedRelationships: doomedRels,
    });
    expect(deleteEntity.deletedNodes).toBe(9);

    const data = await read(`{
      person(id: "antony-blinken") { id }
      grinder: statement(id: "blinken-meat-grinder") { id }
      estimate: militaryUnit(id: "north-korean-troops-in-russia") { estimates { id } }
      statements(filter: { speakerId: "antony-blinken" }) { totalCount }
      graphStats { nodes relationships }
      united: state(id: "united-states") { statements { id } officials { person { id } } }
    }`);
    expect(data.person).toBeNull();
    expect(data.grinder).toBeNull();
    expect(data.estimate.estimates).toEqual([]);
    expect(data.statements.totalCount).toBe(0);
    expect(data.graphStats).toEqual({ nodes: 57 - doomed.size, relationships: 168 - doomedRels });
    // The statement Blinken made jointly with the United States went with him.
    expect(data.united.statements).toEqual([]);
    expect(data.united.officials.map((o: { person: { id: string } }) => o.person.id)).toEqual([
      'lloyd-austin',
      'unnamed-us-envoy',
    ]);
  });

  it('deletes an entity with no dependants and its relationships', async () => {
    const { deleteEntity } = await write(DELETE, { id: 'eastern-europe' });
    expect(deleteEntity).toEqual({
      id: 'eastern-europe',
      deletedNodes: 1,
      deletedRelationships: 2,
    });
    const { event } = await read(
      `{ event(id: "russia-ukraine-war") { occurredIn { ... on State { id } ... on Location { id } } } }`,
    );
    expect(event.occurredIn).toEqual([{ id: 'ukraine' }]);
  });

  it('deletes an entity that statements only mention; the statements stay', async () => {
    const { deleteEntity } = await write(DELETE, { id: 'vladimir-putin' });
    expect(deleteEntity).toEqual({
      id: 'vladimir-putin',
      deletedNodes: 1,
      deletedRelationships: 3,
    });
    const { statement } = await read(
      `{ statement(id: "blinken-meat-grinder") { id mentions(kind: PERSON) { id } } }`,
    );
    expect(statement).toEqual({ id: 'blinken-meat-grinder', mentions: [] });
  });

  it('refuses an unknown id with NOT_FOUND and a non-entity id too', async () => {
    const unknown = await refused(DELETE, { id: 'no-such-entity' }, 'NOT_FOUND');
    expect(unknown.message).toBe('id: no entity has the id "no-such-entity".');
    expect(unknown.extensions?.argument).toBe('id');
    const statement = await refused(DELETE, { id: 'blinken-meat-grinder' }, 'NOT_FOUND');
    expect(statement.message).toBe('id: no entity has the id "blinken-meat-grinder".');
  });
});

describe('input validation', () => {
  useApi('all');

  const statement = (overrides: Record<string, unknown>) => ({
    input: {
      id: 'new-statement',
      text: 'Something was said.',
      kind: 'PARAPHRASE',
      speakerId: 'antony-blinken',
      sourceId: SOURCE,
      ...overrides,
    },
  });

  it.each<[string, string, Record<string, unknown>, string, string]>([
    [
      'a malformed id',
      UPSERT_PERSON,
      { input: { id: 'Bad Id!', name: 'X' } },
      'input.id',
      'input.id: "Bad Id!" is not a valid id; ids are lower-case slugs of letters, digits and single dashes (e.g. "antony-blinken"), at most 80 characters.',
    ],
    [
      'an id longer than 80 characters',
      UPSERT_PERSON,
      { input: { id: 'a'.repeat(81), name: 'X' } },
      'input.id',
      '',
    ],
    [
      'a blank name',
      UPSERT_PERSON,
      { input: { id: 'jane-doe', name: '   ' } },
      'input.name',
      'input.name: must not be blank.',
    ],
    [
      'a name that is too long',
      UPSERT_PERSON,
      { input: { id: 'jane-doe', name: 'x'.repeat(201) } },
      'input.name',
      'input.name: must be at most 200 characters; got 201.',
    ],
    [
      'a month 13',
      UPSERT_PERSON,
      { input: { id: 'jane-doe', name: 'Jane', date: '2024-13-01' } },
      'input.date',
      'input.date: "2024-13-01" is not an ISO-8601 date; use YYYY, YYYY-MM or YYYY-MM-DD.',
    ],
    [
      'February 30',
      UPSERT_PERSON,
      { input: { id: 'jane-doe', name: 'Jane', date: '2023-02-30' } },
      'input.date',
      '',
    ],
    [
      'a blank alias',
      UPSERT_PERSON,
      { input: { id: 'jane-doe', name: 'Jane', aliases: ['ok', ' '] } },
      'input.aliases[1]',
      'input.aliases[1]: must not be blank.',
    ],
    [
      'a source URL that is not http(s)',
      `mutation($input: SourceInput!) { upsertSource(input: $input) { id } }`,
      { input: { id: 's', title: 'T', url: 'ftp://x' } },
      'input.url',
      'input.url: must be an absolute http(s) URL.',
    ],
    [
      'a blank statement text',
      ADD_STATEMENT,
      statement({ text: ' ' }),
      'input.text',
      'input.text: must not be blank.',
    ],
    ['a malformed saidAt', ADD_STATEMENT, statement({ saidAt: '2024-13-01' }), 'input.saidAt', ''],
    [
      'a malformed mention id',
      ADD_STATEMENT,
      statement({ mentionIds: ['russia', 'Not An Id'] }),
      'input.mentionIds[1]',
      '',
    ],
    [
      'too many mention ids',
      ADD_STATEMENT,
      statement({ mentionIds: Array.from({ length: 51 }, (_, i) => `entity-${i}`) }),
      'input.mentionIds',
      'input.mentionIds: accepts at most 50 ids; got 51.',
    ],
    [
      'a speaker that cannot speak',
      ADD_STATEMENT,
      statement({ speakerId: 'kursk-region' }),
      'input.speakerId',
      'input.speakerId: "kursk-region" is a Location; only a person, organization or state can make a statement.',
    ],
    [
      'a link type not allowed between the labels',
      LINK,
      { input: { type: 'BELONGS_TO', from: 'lloyd-austin', to: 'russia' } },
      'input.type',
      'input.type: BELONGS_TO cannot link a Person to a State; it links MilitaryUnit -> State.',
    ],
    [
      'a property the type does not carry',
      LINK,
      {
        input: {
          type: 'PART_OF',
          from: 'pentagon',
          to: 'united-states',
          properties: { title: 'x' },
        },
      },
      'input.properties.title',
      'input.properties.title: is not a property of PART_OF; it takes no properties.',
    ],
    [
      'a property of another type',
      LINK,
      {
        input: {
          type: 'HOLDS_ROLE',
          from: 'lloyd-austin',
          to: 'pentagon',
          properties: { status: 'deployed' },
        },
      },
      'input.properties.status',
      'input.properties.status: is not a property of HOLDS_ROLE; it takes title, since, until.',
    ],
    [
      'a malformed date on a relationship',
      LINK,
      {
        input: {
          type: 'HOLDS_ROLE',
          from: 'lloyd-austin',
          to: 'pentagon',
          properties: { since: '2021-02-30' },
        },
      },
      'input.properties.since',
      '',
    ],
    [
      'a blank estimate unit',
      `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { id } }`,
      { input: { value: 1, unit: ' ', subjectId: 'russia', statementId: 'blinken-meat-grinder' } },
      'input.unit',
      'input.unit: must not be blank.',
    ],
    [
      'an estimate value beyond 2^53, which could not be read back exactly',
      `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { id } }`,
      {
        input: {
          value: -1e308,
          unit: 'troops',
          subjectId: 'russia',
          statementId: 'blinken-meat-grinder',
        },
      },
      'input.value',
      'input.value: must be a finite number from -9007199254740991 to 9007199254740991 (2^53 - 1); got -1e+308. Give larger figures in a bigger unit (e.g. "billion troops").',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT, writing nothing',
    async (_what, mutation, variables, argument, message) => {
      const before = await stats();
      const error = await refused(mutation, variables, 'BAD_USER_INPUT');
      expect(error.extensions?.argument).toBe(argument);
      expect(error.message.startsWith(`${argument}: `)).toBe(true);
      if (message) expect(error.message).toBe(message);
      expect(await stats()).toEqual(before);
    },
  );

  it('refuses a statement kind that is not a StatementKind', async () => {
    const result: RunResult = await api.run(ADD_STATEMENT, statement({ kind: 'RUMOUR' }), {
      token: TOKEN,
    });
    const error = onlyError(result);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('Value "RUMOUR" does not exist in "StatementKind" enum.');
  });

  it('refuses an unknown speaker with NOT_FOUND', async () => {
    const error = await refused(
      ADD_STATEMENT,
      statement({ speakerId: 'no-such-person' }),
      'NOT_FOUND',
    );
    expect(error.message).toBe(
      'input.speakerId: no person, organization or state has the id "no-such-person".',
    );
    expect(error.extensions?.argument).toBe('input.speakerId');
  });

  it('refuses an unknown source and an unknown link end with NOT_FOUND', async () => {
    const source = await refused(
      ADD_STATEMENT,
      statement({ sourceId: 'no-such-source' }),
      'NOT_FOUND',
    );
    expect(source.message).toBe('input.sourceId: no source has the id "no-such-source".');
    const end = await refused(
      LINK,
      { input: { type: 'HOLDS_ROLE', from: 'lloyd-austin', to: 'no-such-body' } },
      'NOT_FOUND',
    );
    expect(end.message).toBe('input.to: no node has the id "no-such-body".');
    expect(end.extensions?.argument).toBe('input.to');
  });
});

describe('atomicity', () => {
  useApi('all');

  it('leaves the graph unchanged when one mention of a statement is unknown', async () => {
    const before = await stats();
    const error = await refused(
      ADD_STATEMENT,
      {
        input: {
          id: 'half-written',
          text: 'Partly valid.',
          kind: 'QUOTE',
          speakerId: 'antony-blinken',
          sourceId: SOURCE,
          mentionIds: ['north-korea', 'no-such-entity'],
        },
      },
      'NOT_FOUND',
    );
    expect(error.message).toBe('input.mentionIds[1]: no entity has the id "no-such-entity".');
    expect(error.extensions?.argument).toBe('input.mentionIds[1]');
    expect(await stats()).toEqual(before);
    const data = await read(
      `{ statement(id: "half-written") { id } source(id: "${SOURCE}") { statementCount } person(id: "antony-blinken") { statements { id } } }`,
    );
    expect(data.statement).toBeNull();
    expect(data.source.statementCount).toBe(23);
    expect(data.person.statements).toHaveLength(6);
  });

  it('leaves the graph unchanged when an estimate refers to an unknown statement', async () => {
    const before = await stats();
    const error = await refused(
      `mutation($input: AddEstimateInput!) { addEstimate(input: $input) { id } }`,
      {
        input: {
          id: 'lost-estimate',
          value: 5,
          unit: 'tanks',
          subjectId: 'russia',
          statementId: 'no-such-statement',
        },
      },
      'NOT_FOUND',
    );
    expect(error.message).toBe('input.statementId: no statement has the id "no-such-statement".');
    expect(await stats()).toEqual(before);
  });
});

describe('mutations over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const UPSERT = `mutation { upsertPerson(input: { id: "http-person", name: "HTTP Person" }) { id name } }`;

  it('applies a mutation sent with the Authorization header', async () => {
    const res = await server.post(UPSERT, {}, { authorization: `Bearer ${TEST_TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ upsertPerson: { id: 'http-person', name: 'HTTP Person' } });
    const check = await server.post(`{ person(id: "http-person") { name } }`);
    expect(check.body.data).toEqual({ person: { name: 'HTTP Person' } });
  });

  it('refuses a mutation without the Authorization header as UNAUTHENTICATED', async () => {
    const res = await server.post(
      `mutation { upsertPerson(input: { id: "anonymous-person", name: "Anonymous" }) { id } }`,
    );
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toBe(
      'Mutations need an "Authorization: Bearer <token>" header.',
    );
    const check = await server.post(`{ person(id: "anonymous-person") { id } }`);
    expect(check.body.data).toEqual({ person: null });
  });

  it('refuses a mutation with a wrong token as FORBIDDEN', async () => {
    const res = await server.post(UPSERT, {}, { authorization: 'Bearer wrong-token-wrong-token' });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.body.errors[0].message).toBe('The bearer token is not valid for writes.');
  });

  it('reports a validation failure with its argument over HTTP', async () => {
    const res = await server.post(
      `mutation($input: EntityInput!) { upsertPerson(input: $input) { id } }`,
      { input: { id: 'Bad Id!', name: 'X' } },
      { authorization: `Bearer ${TEST_TOKEN}` },
    );
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.id',
    });
  });
});
