/**
 * Root lookups and every relationship field, over the article seed: what a
 * client reading the graph one node at a time sees.
 */
import { type Api, openApi } from '../helpers/api-helper';

let api: Api;
beforeAll(async () => {
  api = await openApi({ seed: true });
});
afterAll(async () => {
  await api?.close();
});

/** Runs a query that must succeed; returns its data. */
const read = (query: string, variables?: Record<string, unknown>) => api.read(query, variables);

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

const REPORT_ID = 'report-north-korean-troops-kursk';
const REPORT_TITLE =
  'US Officials Warn of Escalating Tensions as North Korean Troops Prepare for Combat Amid Ongoing Ukraine Conflict';

describe('root lookups', () => {
  it('returns a person with every descriptive field', async () => {
    const { person } = await read(
      `{ person(id: "antony-blinken") { id name kind aliases description category timeText date } }`,
    );
    expect(person).toEqual({
      id: 'antony-blinken',
      name: 'Antony Blinken',
      kind: 'PERSON',
      aliases: ['Blinken', 'Secretary of State Antony Blinken', 'Tony Blinken'],
      description:
        'U.S. Secretary of State who gave the troop figures and called the deployment a sign of Russian weakness.',
      category: 'official',
      timeText: null,
      date: null,
    });
  });

  it('returns a state with its aliases', async () => {
    const { state } = await read(`{ state(id: "north-korea") { id name kind aliases category } }`);
    expect(state).toEqual({
      id: 'north-korea',
      name: 'North Korea',
      kind: 'STATE',
      aliases: ['DPRK', 'Pyongyang', 'Democratic People’s Republic of Korea'],
      category: 'state',
    });
  });

  it('returns an organization', async () => {
    const { organization } = await read(
      `{ organization(id: "nato") { id name kind category aliases } }`,
    );
    expect(organization).toEqual({
      id: 'nato',
      name: 'NATO',
      kind: 'ORGANIZATION',
      category: 'military alliance',
      aliases: ['North Atlantic Treaty Organization', 'NATO allies'],
    });
  });

  it('returns a military unit', async () => {
    const { militaryUnit } = await read(
      `{ militaryUnit(id: "north-korean-troops-in-russia") { id name kind aliases } }`,
    );
    expect(militaryUnit.name).toBe('North Korean troops in Russia');
    expect(militaryUnit.kind).toBe('MILITARY_UNIT');
    expect(militaryUnit.aliases).toContain('North Korean soldiers');
  });

  it('returns a location', async () => {
    const { location } = await read(
      `{ location(id: "kursk-region") { id name kind category aliases } }`,
    );
    expect(location).toEqual({
      id: 'kursk-region',
      name: 'Kursk region',
      kind: 'LOCATION',
      category: 'region',
      aliases: ['Kursk', 'Kursk oblast'],
    });
  });

  it('returns an event with its ISO date', async () => {
    const { event } = await read(
      `{ event(id: "russia-ukraine-war") { id name kind date aliases } }`,
    );
    expect(event).toMatchObject({
      id: 'russia-ukraine-war',
      name: 'Russia-Ukraine war',
      kind: 'EVENT',
    });
    expect(event.date).toBe('2022-02');
    expect(event.aliases).toContain('war in Ukraine');
  });

  it('returns the meat grinder quote with Blinken as speaker', async () => {
    const { statement } = await read(`{
      statement(id: "blinken-meat-grinder") {
        id name kind text hedge saidAt ordinal
        speaker { __typename ... on Person { id name } }
      }
    }`);
    expect(statement).toEqual({
      id: 'blinken-meat-grinder',
      name: 'Blinken on the meat grinder',
      kind: 'QUOTE',
      text: 'Putin is sending more Russians into a meat grinder of his own making, and now he’s turning to North Korean troops',
      hedge: null,
      saidAt: null,
      ordinal: 6,
      speaker: { __typename: 'Person', id: 'antony-blinken', name: 'Antony Blinken' },
    });
  });

  it('returns Austin’s statement calling North Korean soldiers co-belligerents', async () => {
    const { statement } = await read(
      `{ statement(id: "austin-co-belligerents") { text kind timeText speaker { ... on Person { id } } } }`,
    );
    expect(statement.text).toContain('co-belligerents');
    expect(statement.kind).toBe('PARAPHRASE');
    expect(statement.timeText).toBe('on Thursday');
    expect(statement.speaker).toEqual({ id: 'lloyd-austin' });
  });

  it('returns a statement the report makes in its own voice, with no speaker', async () => {
    const { statement } = await read(
      `{ statement(id: "report-icbm-record-flight") { kind hedge speaker { __typename } speakers { __typename } source { id } estimates { id } } }`,
    );
    expect(statement).toEqual({
      kind: 'REPORTED',
      hedge: null,
      speaker: null,
      speakers: [],
      source: { id: REPORT_ID },
      estimates: [{ id: 'estimate-86-minutes-icbm-flight' }],
    });
  });

  it('returns the hedge of a hedged claim', async () => {
    const { statement } = await read(
      `{ statement(id: "experts-icbm-progress") { kind hedge speaker { ... on Organization { id } } } }`,
    );
    expect(statement).toEqual({
      kind: 'HEDGED_CLAIM',
      hedge: 'experts believe',
      speaker: { id: 'unnamed-experts' },
    });
  });

  it('returns the source, whose publisher is unknown', async () => {
    const { source } = await read(
      `{ source(id: "${REPORT_ID}") { id title publisher url publishedAt } }`,
    );
    expect(source).toEqual({
      id: REPORT_ID,
      title: REPORT_TITLE,
      publisher: null,
      url: null,
      publishedAt: null,
    });
  });

  it('finds any kind of entity through entity(id), resolving its concrete type', async () => {
    const data = await read(`{
      a: entity(id: "antony-blinken") { __typename id name kind }
      b: entity(id: "nato") { __typename id kind }
      c: entity(id: "kursk-region") { __typename id kind }
      d: entity(id: "icbm-test") { __typename id kind }
    }`);
    expect(data.a).toEqual({
      __typename: 'Person',
      id: 'antony-blinken',
      name: 'Antony Blinken',
      kind: 'PERSON',
    });
    expect(data.b).toEqual({ __typename: 'Organization', id: 'nato', kind: 'ORGANIZATION' });
    expect(data.c).toEqual({ __typename: 'Location', id: 'kursk-region', kind: 'LOCATION' });
    expect(data.d).toEqual({ __typename: 'Event', id: 'icbm-test', kind: 'EVENT' });
  });

  it('returns null without an error for unknown ids and for ids of another label', async () => {
    const result = await api.run(`{
      entity(id: "nobody-at-all") { id }
      statementAsEntity: entity(id: "blinken-meat-grinder") { id }
      person(id: "north-korea") { id }
      state(id: "antony-blinken") { id }
      organization(id: "nobody") { id }
      militaryUnit(id: "nobody") { id }
      location(id: "nobody") { id }
      event(id: "nobody") { id }
      statement(id: "nobody") { id }
      source(id: "nobody") { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data)).toEqual(Array(10).fill(null));
  });
});

describe('person relationships', () => {
  it('lists Blinken’s role as Secretary of State of the United States', async () => {
    const { person } = await read(
      `{ person(id: "antony-blinken") { roles { title since until organization { __typename ... on State { id name } } } } }`,
    );
    expect(person.roles).toEqual([
      {
        title: 'Secretary of State',
        since: null,
        until: null,
        organization: { __typename: 'State', id: 'united-states', name: 'United States' },
      },
    ]);
  });

  it('lists Blinken’s six statements in reading order, limited by first', async () => {
    const { person } = await read(
      `{ person(id: "antony-blinken") { all: statements { id ordinal } two: statements(first: 2) { id } none: statements(first: 0) { id } } }`,
    );
    expect(ids(person.all)).toEqual([
      'blinken-10000-troops-sent-to-russia',
      'us-8000-troops-near-ukraine-border',
      'blinken-russia-struggling',
      'blinken-meat-grinder',
      'blinken-russia-weakened-position',
      'blinken-wider-conflict',
    ]);
    expect(person.all.map((s: { ordinal: number }) => s.ordinal)).toEqual([1, 3, 5, 6, 7, 23]);
    expect(ids(person.two)).toEqual([
      'blinken-10000-troops-sent-to-russia',
      'us-8000-troops-near-ukraine-border',
    ]);
    expect(person.none).toEqual([]);
  });

  it('lists the statements that mention Putin', async () => {
    const { person } = await read(
      `{ person(id: "vladimir-putin") { mentionedIn { id } statements { id } } }`,
    );
    expect(ids(person.mentionedIn)).toEqual([
      'blinken-meat-grinder',
      'zelenskyy-putin-testing-response',
      'zelenskyy-counter-or-stand-by',
    ]);
    expect(person.statements).toEqual([]);
  });

  it('lists the events a person took part in, with the role', async () => {
    const { person } = await read(
      `{ person(id: "antony-blinken") { participatedIn { role event { id name } } estimates { id } } }`,
    );
    expect(person.participatedIn).toEqual([
      {
        role: 'speaker',
        event: { id: 'blinken-press-conference', name: 'Blinken press conference in Washington' },
      },
    ]);
    expect(person.estimates).toEqual([]);
  });
});

describe('state relationships', () => {
  it('sees relations in both directions with their kind and direction', async () => {
    const { state } = await read(
      `{ state(id: "north-korea") { relations { kind description since direction other { ... on State { id } } } } }`,
    );
    expect(state.relations).toEqual([
      {
        kind: 'PARTNERSHIP',
        description:
          'Military collaboration: North Korea has sent troops to Russia, where Russia trains them.',
        since: null,
        direction: 'OUTGOING',
        other: { id: 'russia' },
      },
      {
        kind: 'TIES',
        description: 'China keeps close ties with North Korea.',
        since: null,
        direction: 'INCOMING',
        other: { id: 'china' },
      },
    ]);
  });

  it('gives the start of the war on the Russia–Ukraine relation', async () => {
    const { state } = await read(
      `{ state(id: "ukraine") { relations { kind since direction other { ... on State { id } } } } }`,
    );
    expect(state.relations).toEqual([
      { kind: 'WAR', since: '2022-02', direction: 'INCOMING', other: { id: 'russia' } },
    ]);
  });

  it('lists the U.S. bodies that are part of the United States, by name', async () => {
    const { state } = await read(`{ state(id: "united-states") { members { id name } } }`);
    expect(state.members.map((m: { name: string }) => m.name)).toEqual([
      'Biden administration',
      'Pentagon',
      'State Department',
      'White House',
    ]);
  });

  it('lists the U.S. officials with their titles, by person name', async () => {
    const { state } = await read(
      `{ state(id: "united-states") { officials { title since until person { id } } } }`,
    );
    expect(state.officials).toEqual([
      { title: 'Secretary of State', since: null, until: null, person: { id: 'antony-blinken' } },
      { title: 'Secretary of Defense', since: null, until: null, person: { id: 'lloyd-austin' } },
      { title: 'envoy', since: null, until: null, person: { id: 'unnamed-us-envoy' } },
    ]);
  });

  it('lists the units belonging to North Korea', async () => {
    const { state } = await read(`{ state(id: "north-korea") { units { id name } } }`);
    expect(state.units).toEqual([
      { id: 'north-korean-troops-in-russia', name: 'North Korean troops in Russia' },
    ]);
  });

  it('lists the locations inside Russia, by name', async () => {
    const { state } = await read(`{ state(id: "russia") { locations { id name } } }`);
    expect(state.locations).toEqual([
      { id: 'kursk-region', name: 'Kursk region' },
      { id: 'russia-ukraine-border-area', name: 'Russian side of the Ukrainian border' },
    ]);
  });

  it('lists statements made in the name of a state and the events it took part in', async () => {
    const { state, russia } = await read(
      `{ state(id: "united-states") { statements { id } } russia: state(id: "russia") { participatedIn { role event { id } } } }`,
    );
    expect(ids(state.statements)).toEqual(['us-8000-troops-near-ukraine-border']);
    expect(russia.participatedIn).toEqual([
      { role: 'belligerent', event: { id: 'russia-ukraine-war' } },
    ]);
  });
});

describe('organization relationships', () => {
  it('says the Pentagon is part of the United States', async () => {
    const { organization } = await read(
      `{ organization(id: "pentagon") { partOf { __typename ... on State { id } } } }`,
    );
    expect(organization.partOf).toEqual([{ __typename: 'State', id: 'united-states' }]);
  });

  it('lists the statements the Pentagon made, in reading order', async () => {
    const { organization } = await read(`{ organization(id: "pentagon") { statements { id } } }`);
    expect(ids(organization.statements)).toEqual([
      'us-officials-legitimate-targets',
      'pentagon-seoul-urge-withdrawal',
    ]);
  });

  it('has no officials, members or relations for NATO in the seed', async () => {
    const { organization } = await read(
      `{ organization(id: "nato") { officials { title } members { id } relations { kind } partOf { __typename } mentionedIn { id } } }`,
    );
    expect(organization).toEqual({
      officials: [],
      members: [],
      relations: [],
      partOf: [],
      mentionedIn: [
        { id: 'zelenskyy-more-forces-possible' },
        { id: 'zelenskyy-putin-testing-response' },
        { id: 'blinken-wider-conflict' },
      ],
    });
  });
});

describe('military unit relationships', () => {
  const UNIT = 'north-korean-troops-in-russia';

  it('belongs to North Korea', async () => {
    const { militaryUnit } = await read(
      `{ militaryUnit(id: "${UNIT}") { belongsTo { id name } } }`,
    );
    expect(militaryUnit.belongsTo).toEqual([{ id: 'north-korea', name: 'North Korea' }]);
  });

  it('is deployed to Russia, the Kursk region and the border area, each with a status', async () => {
    const { militaryUnit } = await read(`{
      militaryUnit(id: "${UNIT}") { deployments { status asOf location { __typename ... on Location { id } ... on State { id } } } }
    }`);
    expect(militaryUnit.deployments).toHaveLength(3);
    expect(militaryUnit.deployments).toEqual(
      expect.arrayContaining([
        { status: 'sent', asOf: null, location: { __typename: 'State', id: 'russia' } },
        {
          status: 'stationed',
          asOf: null,
          location: { __typename: 'Location', id: 'kursk-region' },
        },
        {
          status: 'stationed',
          asOf: null,
          location: { __typename: 'Location', id: 'russia-ukraine-border-area' },
        },
      ]),
    );
  });

  it('was trained by Russia in artillery, UAVs and infantry', async () => {
    const { militaryUnit } = await read(
      `{ militaryUnit(id: "${UNIT}") { training { disciplines trainer { __typename ... on State { id } } } } }`,
    );
    expect(militaryUnit.training).toEqual([
      {
        disciplines: ['artillery', 'UAVs', 'infantry'],
        trainer: { __typename: 'State', id: 'russia' },
      },
    ]);
  });

  it('has both troop estimates side by side, each attributed to its own statement', async () => {
    const { militaryUnit } = await read(`{
      militaryUnit(id: "${UNIT}") {
        estimates {
          id value unit qualifier scope label
          subject { id }
          attributedTo { id speakers { ... on Person { id } ... on State { id } } }
        }
      }
    }`);
    expect(militaryUnit.estimates).toEqual([
      {
        id: 'estimate-10000-troops-in-russia',
        value: 10000,
        unit: 'troops',
        qualifier: 'around',
        scope: 'sent to Russia, most in the Kursk region',
        label: 'around 10,000 troops',
        subject: { id: UNIT },
        attributedTo: {
          id: 'blinken-10000-troops-sent-to-russia',
          speakers: [{ id: 'antony-blinken' }],
        },
      },
      {
        id: 'estimate-8000-troops-near-ukraine-border',
        value: 8000,
        unit: 'troops',
        qualifier: 'approximately',
        scope: 'in Russia near Ukraine’s border',
        label: 'approximately 8,000 troops',
        subject: { id: UNIT },
        attributedTo: {
          id: 'us-8000-troops-near-ukraine-border',
          speakers: [{ id: 'antony-blinken' }, { id: 'united-states' }],
        },
      },
    ]);
  });

  it('takes part in the planned combat deployment and makes no statements', async () => {
    const { militaryUnit } = await read(
      `{ militaryUnit(id: "${UNIT}") { participatedIn { role event { id } } statements { id } mentionedIn(first: 3) { id } } }`,
    );
    expect(militaryUnit.participatedIn).toEqual([
      { role: 'prospective combatant', event: { id: 'north-korean-combat-deployment' } },
    ]);
    expect(militaryUnit.statements).toEqual([]);
    expect(ids(militaryUnit.mentionedIn)).toEqual([
      'blinken-10000-troops-sent-to-russia',
      'report-troops-trained-for-front-line',
      'us-8000-troops-near-ukraine-border',
    ]);
  });
});

describe('location relationships', () => {
  it('places the Kursk region within Russia', async () => {
    const { location } = await read(
      `{ location(id: "kursk-region") { within { __typename ... on State { id } } contains { id } events { id } } }`,
    );
    expect(location).toEqual({
      within: [{ __typename: 'State', id: 'russia' }],
      contains: [],
      events: [],
    });
  });

  it('lists the events that occurred in a location', async () => {
    const data = await read(`{
      washington: location(id: "washington") { events { id name } participatedIn { role } statements { id } }
      europe: location(id: "eastern-europe") { events { id } }
    }`);
    expect(data.washington).toEqual({
      events: [{ id: 'blinken-press-conference', name: 'Blinken press conference in Washington' }],
      participatedIn: [],
      statements: [],
    });
    expect(data.europe.events).toEqual([{ id: 'russia-ukraine-war' }]);
  });

  it('lists locations that lie within another location', async () => {
    // The seed has none; contains is the inverse of within, so it stays empty everywhere.
    const { location } = await read(
      `{ location(id: "eastern-europe") { contains { id } within { __typename } } }`,
    );
    expect(location).toEqual({ contains: [], within: [] });
  });
});

describe('event relationships', () => {
  it('lists the war’s participants by name, where it occurred and who reported it', async () => {
    const { event } = await read(`{
      event(id: "russia-ukraine-war") {
        participants { role entity { __typename id } }
        occurredIn { __typename ... on Location { id } ... on State { id } }
        sources { id title }
      }
    }`);
    expect(event.participants).toEqual([
      { role: 'belligerent', entity: { __typename: 'State', id: 'russia' } },
      { role: 'belligerent', entity: { __typename: 'State', id: 'ukraine' } },
    ]);
    expect(event.occurredIn).toEqual([
      { __typename: 'Location', id: 'eastern-europe' },
      { __typename: 'State', id: 'ukraine' },
    ]);
    expect(event.sources).toEqual([{ id: REPORT_ID, title: REPORT_TITLE }]);
  });

  it('gives the ICBM test its record flight-time estimate', async () => {
    const { event } = await read(
      `{ event(id: "icbm-test") { estimates { id label subject { id } attributedTo { id } } participants { role entity { id } } } }`,
    );
    expect(event.estimates).toEqual([
      {
        id: 'estimate-86-minutes-icbm-flight',
        label: 'record 86 minutes',
        subject: { id: 'icbm-test' },
        attributedTo: { id: 'report-icbm-record-flight' },
      },
    ]);
    expect(event.participants).toEqual([{ role: 'launcher', entity: { id: 'north-korea' } }]);
  });

  it('lists a meeting’s participants with their roles, by name', async () => {
    const { event } = await read(
      `{ event(id: "un-security-council-meeting") { participants { role entity { id name } } } }`,
    );
    expect(event.participants).toEqual([
      {
        role: 'convening body',
        entity: { id: 'un-security-council', name: 'UN Security Council' },
      },
      {
        role: 'spoke ahead of the meeting',
        entity: { id: 'unnamed-us-envoy', name: 'Unnamed U.S. envoy' },
      },
    ]);
  });
});

describe('statement relationships', () => {
  it('lists a jointly made statement’s speakers by name, the first as speaker', async () => {
    const { statement } = await read(`{
      statement(id: "pentagon-seoul-urge-withdrawal") {
        speakers { __typename ... on Organization { id name } }
        speaker { ... on Organization { id } }
      }
    }`);
    expect(statement.speakers).toEqual([
      { __typename: 'Organization', id: 'pentagon', name: 'Pentagon' },
      {
        __typename: 'Organization',
        id: 'south-korea-defense-ministry',
        name: 'South Korean defense ministry',
      },
    ]);
    expect(statement.speaker).toEqual({ id: 'pentagon' });
  });

  it('lists whom a statement is addressed to', async () => {
    const data = await read(`{
      austin: statement(id: "austin-co-belligerents") { addressedTo { __typename id name } }
      beijing: statement(id: "biden-administration-urges-beijing") { addressedTo { id } }
      grinder: statement(id: "blinken-meat-grinder") { addressedTo { id } }
    }`);
    expect(data.austin.addressedTo).toEqual([
      { __typename: 'State', id: 'north-korea', name: 'North Korea' },
    ]);
    expect(data.beijing.addressedTo).toEqual([{ id: 'china' }]);
    expect(data.grinder.addressedTo).toEqual([]);
  });

  it('lists the mentioned entities by name, optionally of one kind', async () => {
    const { statement } = await read(`{
      statement(id: "blinken-meat-grinder") {
        all: mentions { __typename id name }
        people: mentions(kind: PERSON) { id }
        states: mentions(kind: STATE) { id }
        units: mentions(kind: MILITARY_UNIT) { id }
        events: mentions(kind: EVENT) { id }
        firstTwo: mentions(first: 2) { id }
      }
    }`);
    expect(statement.all).toEqual([
      { __typename: 'State', id: 'north-korea', name: 'North Korea' },
      {
        __typename: 'MilitaryUnit',
        id: 'north-korean-troops-in-russia',
        name: 'North Korean troops in Russia',
      },
      { __typename: 'State', id: 'russia', name: 'Russia' },
      { __typename: 'Person', id: 'vladimir-putin', name: 'Vladimir Putin' },
    ]);
    expect(statement.people).toEqual([{ id: 'vladimir-putin' }]);
    expect(statement.states).toEqual([{ id: 'north-korea' }, { id: 'russia' }]);
    expect(statement.units).toEqual([{ id: 'north-korean-troops-in-russia' }]);
    expect(statement.events).toEqual([]);
    expect(statement.firstTwo).toEqual([
      { id: 'north-korea' },
      { id: 'north-korean-troops-in-russia' },
    ]);
  });

  it('gives the source and the figures of a statement', async () => {
    const { statement } = await read(`{
      statement(id: "blinken-10000-troops-sent-to-russia") { context source { id title } estimates { id label } }
    }`);
    expect(statement).toEqual({
      context: 'at a press conference in Washington',
      source: { id: REPORT_ID, title: REPORT_TITLE },
      estimates: [{ id: 'estimate-10000-troops-in-russia', label: 'around 10,000 troops' }],
    });
  });
});

describe('source relationships', () => {
  it('lists its 23 statements in reading order and counts only statements', async () => {
    const { source } = await read(
      `{ source(id: "${REPORT_ID}") { statementCount statements(first: 30) { id ordinal } firstThree: statements(first: 3) { id } } }`,
    );
    expect(source.statementCount).toBe(23);
    expect(source.statements).toHaveLength(23);
    expect(source.statements.map((s: { ordinal: number }) => s.ordinal)).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    expect(source.statements[22].id).toBe('blinken-wider-conflict');
    expect(ids(source.firstThree)).toEqual([
      'blinken-10000-troops-sent-to-russia',
      'report-troops-trained-for-front-line',
      'us-8000-troops-near-ukraine-border',
    ]);
  });
});

describe('paths', () => {
  it('links Zelenskyy to North Korea through a chain of typed edges', async () => {
    const { path } = await read(`{
      path(from: "volodymyr-zelenskyy", to: "north-korea") {
        length
        nodes { id label name entity { id } }
        edges { id type from to properties }
      }
    }`);
    expect(path).not.toBeNull();
    expect(path.length).toBeGreaterThanOrEqual(1);
    expect(path.edges).toHaveLength(path.length);
    expect(path.nodes).toHaveLength(path.length + 1);
    expect(path.nodes[0]).toMatchObject({
      id: 'volodymyr-zelenskyy',
      label: 'Person',
      name: 'Volodymyr Zelenskyy',
      entity: { id: 'volodymyr-zelenskyy' },
    });
    expect(path.nodes[path.nodes.length - 1]).toMatchObject({
      id: 'north-korea',
      label: 'State',
      name: 'North Korea',
    });
    path.edges.forEach(
      (edge: { id: string; type: string; from: string; to: string }, i: number) => {
        const pair = [path.nodes[i].id, path.nodes[i + 1].id];
        expect([edge.from, edge.to].sort()).toEqual([...pair].sort());
        expect(edge.id).toBe(`${edge.type}:${edge.from}:${edge.to}`);
        expect(edge.type).toMatch(/^[A-Z_]+$/);
      },
    );
    // Zelenskyy made a statement that mentions North Korea: the shortest chain has two steps.
    expect(path.length).toBe(2);
    expect(path.nodes[1].label).toBe('Statement');
    expect(path.nodes[1].entity).toBeNull();
    expect(path.edges.map((e: { type: string }) => e.type)).toEqual(['MADE', 'MENTIONS']);
    expect(path.edges[0]).toMatchObject({
      from: 'volodymyr-zelenskyy',
      to: path.nodes[1].id,
      properties: null,
    });
  });
});
