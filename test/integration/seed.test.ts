/**
 * The article seed as stored: exact counts, idempotent loading, and every
 * fact the product must answer, with who said it and where it was reported.
 *
 * The suite body is exported so that `test/neo4j` can run it against Neo4j.
 */
import type { Graph, Params, Row } from '../../src/graph';
import { countGraph, loadSeed, readSeed } from '../../src/seed/load-seed';
import {
  describeEngines,
  isRunningTestFile,
  type EngineUnderTest,
  type TestGraph,
} from '../helpers/graph-helper';

const SOURCE = 'report-north-korean-troops-kursk';

/** The counts documented in docs/seed.md. */
const LABEL_COUNTS = {
  Event: 5,
  Estimate: 3,
  Location: 5,
  MilitaryUnit: 1,
  Organization: 8,
  Person: 5,
  Source: 1,
  State: 6,
  Statement: 23,
};
const TYPE_COUNTS = {
  ADDRESSED_TO: 5,
  ATTRIBUTED_TO: 3,
  BELONGS_TO: 1,
  DEPLOYED_TO: 3,
  ESTIMATES: 3,
  HOLDS_ROLE: 4,
  LOCATED_IN: 3,
  MADE: 23,
  MENTIONS: 74,
  OCCURRED_IN: 4,
  PARTICIPATED_IN: 7,
  PART_OF: 5,
  RELATION: 4,
  REPORTED_IN: 28,
  TRAINED_BY: 1,
};

const tally = (keys: string[]): Record<string, number> =>
  keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
const sorted = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function seedContract({ open }: EngineUnderTest): void {
  let test: TestGraph;
  let graph: Graph;
  const read = (text: string, params: Params = {}): Promise<Row[]> =>
    graph.port.read({ name: 'test/seed-fact', text }, params);
  const speakersOf = async (statementId: string): Promise<string[]> =>
    (
      await read('MATCH (a)-[:MADE]->(s:Statement {id: $id}) RETURN a.id AS id ORDER BY id', {
        id: statementId,
      })
    ).map((r) => String(r.id));
  const statement = async (id: string): Promise<Row> => {
    const [row] = await read(
      `MATCH (s:Statement {id: $id})-[:REPORTED_IN]->(src:Source)
       RETURN s.text AS text, s.kind AS kind, s.hedge AS hedge, s.context AS context, s.timeText AS timeText,
              s.saidAt AS saidAt, src.id AS source`,
      { id },
    );
    if (!row) throw new Error(`statement ${id} is missing or not reported in a source`);
    return row;
  };
  const addresseesOf = async (id: string): Promise<string[]> =>
    (
      await read(
        'MATCH (s:Statement {id: $id})-[:ADDRESSED_TO]->(n) RETURN n.id AS id ORDER BY id',
        { id },
      )
    ).map((r) => String(r.id));

  beforeAll(async () => {
    test = await open({ seed: true });
    graph = test.graph;
  });
  afterAll(() => test?.close());

  it('holds 57 nodes and 168 relationships, with the documented count per label and type', async () => {
    const { labels, types } = await countGraph(graph);
    expect(labels).toEqual(sorted(LABEL_COUNTS));
    expect(types).toEqual(sorted(TYPE_COUNTS));
    expect(sum(labels)).toBe(57);
    expect(sum(types)).toBe(168);
  });

  it('agrees with seed/article.json, which the documented counts describe', () => {
    const seed = readSeed();
    expect(sorted(tally(seed.nodes.map((n) => n.label)))).toEqual(sorted(LABEL_COUNTS));
    expect(sorted(tally(seed.relationships.map((r) => r.type)))).toEqual(sorted(TYPE_COUNTS));
  });

  it('changes nothing when the seed is loaded a second time', async () => {
    const dump = async () => ({
      counts: await countGraph(graph),
      nodes: await read('MATCH (n) RETURN n ORDER BY n.id'),
      rels: await read(
        'MATCH (a)-[r]->(b) RETURN a.id AS fromId, r, b.id AS toId ORDER BY fromId, toId',
      ),
    });
    const before = await dump();
    await loadSeed(graph);
    const after = await dump();
    expect(after.counts).toEqual(before.counts);
    expect(after.nodes).toEqual(before.nodes);
    expect(sortRels(after.rels)).toEqual(sortRels(before.rels));
  });

  it.each([
    [
      'blinken-meat-grinder',
      ['antony-blinken'],
      'Putin is sending more Russians into a meat grinder',
    ],
    ['us-envoy-body-bags', ['unnamed-us-envoy'], 'they will surely return in body bags'],
    [
      'zelenskyy-putin-testing-response',
      ['volodymyr-zelenskyy'],
      'Putin is testing the response of NATO and South Korea',
    ],
    ['zelenskyy-counter-or-stand-by', ['volodymyr-zelenskyy'], 'counter these forces or stand by'],
  ])('has the quote %s, said by %j and reported in the source', async (id, speakers, words) => {
    const quote = await statement(id);
    expect(quote).toMatchObject({ kind: 'QUOTE', source: SOURCE });
    expect(quote.text).toContain(words);
    expect(await speakersOf(id)).toEqual(speakers);
  });

  it('has exactly four quotes', async () => {
    const rows = await read('MATCH (s:Statement {kind: $kind}) RETURN s.id AS id ORDER BY id', {
      kind: 'QUOTE',
    });
    expect(rows.map((r) => r.id)).toEqual([
      'blinken-meat-grinder',
      'us-envoy-body-bags',
      'zelenskyy-counter-or-stand-by',
      'zelenskyy-putin-testing-response',
    ]);
  });

  it('reports every statement and every event in the one source exactly once', async () => {
    const rows = await read(
      `MATCH (n)-[:REPORTED_IN]->(src:Source {id: $source})
       RETURN n.id AS id, count(*) AS times ORDER BY id`,
      { source: SOURCE },
    );
    expect(rows).toHaveLength(LABEL_COUNTS.Statement + LABEL_COUNTS.Event);
    expect(rows.every((r) => r.times === 1)).toBe(true);
  });

  it('has the unnamed U.S. envoy speak ahead of a UN Security Council meeting', async () => {
    expect((await statement('us-envoy-body-bags')).context).toBe(
      'ahead of a UN Security Council meeting',
    );
    const [envoy] = await read(
      `MATCH (p:Person {id: $id})-[role:HOLDS_ROLE]->(us:State)
       MATCH (p)-[took:PARTICIPATED_IN]->(meeting:Event)<-[:PARTICIPATED_IN]-(council:Organization)
       RETURN role.title AS title, us.id AS state, took.role AS part, meeting.id AS meeting, council.id AS council`,
      { id: 'unnamed-us-envoy' },
    );
    expect(envoy).toEqual({
      title: 'envoy',
      state: 'united-states',
      part: 'spoke ahead of the meeting',
      meeting: 'un-security-council-meeting',
      council: 'un-security-council',
    });
    expect(await addresseesOf('us-envoy-body-bags')).toEqual(['north-korea']);
  });

  it('has U.S. officials warn that North Korean troops will be legitimate military targets', async () => {
    const warning = await statement('us-officials-legitimate-targets');
    expect(warning.text).toContain('legitimate military targets');
    expect(warning.source).toBe(SOURCE);
    expect(await speakersOf('us-officials-legitimate-targets')).toEqual([
      'pentagon',
      'state-department',
      'white-house',
    ]);
    expect(await addresseesOf('us-officials-legitimate-targets')).toEqual(['north-korea']);
  });

  it('has Austin call North Korean soldiers "co-belligerents"', async () => {
    const claim = await statement('austin-co-belligerents');
    expect(claim.text).toContain('co-belligerents');
    expect(claim.timeText).toBe('on Thursday');
    expect(await speakersOf('austin-co-belligerents')).toEqual(['lloyd-austin']);
    const [role] = await read(
      'MATCH (:Person {id: $id})-[r:HOLDS_ROLE]->(s:State) RETURN r.title AS title, s.id AS state',
      {
        id: 'lloyd-austin',
      },
    );
    expect(role).toEqual({ title: 'Secretary of Defense', state: 'united-states' });
  });

  it('has Russia train the North Korean troops in artillery, UAVs and infantry', async () => {
    const rows = await read(
      'MATCH (:MilitaryUnit {id: $unit})-[t:TRAINED_BY]->(trainer:State) RETURN trainer.id AS trainer, t.disciplines AS disciplines',
      { unit: 'north-korean-troops-in-russia' },
    );
    expect(rows).toEqual([{ trainer: 'russia', disciplines: ['artillery', 'UAVs', 'infantry'] }]);
  });

  it('has most of the troops stationed in the Kursk region of Russia', async () => {
    const rows = await read(
      `MATCH (:MilitaryUnit {id: $unit})-[d:DEPLOYED_TO]->(k:Location {id: $kursk})-[:LOCATED_IN]->(s:State)
       RETURN d.status AS status, k.name AS name, s.id AS state`,
      { unit: 'north-korean-troops-in-russia', kursk: 'kursk-region' },
    );
    expect(rows).toEqual([{ status: 'stationed', name: 'Kursk region', state: 'russia' }]);
    const mentions = await read(
      'MATCH (s:Statement)-[:MENTIONS]->(:Location {id: $id}) RETURN s.id AS id',
      { id: 'kursk-region' },
    );
    expect(mentions).toEqual([{ id: 'blinken-10000-troops-sent-to-russia' }]);
  });

  it('has the North Korean ICBM test with its record 86-minute flight, stated by the report itself', async () => {
    const [row] = await read(
      `MATCH (e:Estimate)-[:ESTIMATES]->(test:Event {id: $test})<-[:PARTICIPATED_IN]-(launcher:State)
       MATCH (e)-[:ATTRIBUTED_TO]->(s:Statement)
       RETURN e.value AS value, e.unit AS unit, e.qualifier AS qualifier, launcher.id AS launcher,
              s.id AS statement, s.kind AS kind`,
      { test: 'icbm-test' },
    );
    expect(row).toEqual({
      value: 86,
      unit: 'minutes',
      qualifier: 'record',
      launcher: 'north-korea',
      statement: 'report-icbm-record-flight',
      kind: 'REPORTED',
    });
    expect(await speakersOf('report-icbm-record-flight')).toEqual([]);
    expect((await statement('experts-icbm-progress')).hedge).toBe('experts believe');
  });

  it("keeps the report's own assertions as REPORTED statements of the source, with no speaker", async () => {
    const rows = await read(
      `MATCH (s:Statement {kind: $kind})-[:REPORTED_IN]->(src:Source)
       OPTIONAL MATCH (a)-[:MADE]->(s)
       RETURN s.id AS id, src.id AS source, count(a) AS speakers ORDER BY id`,
      { kind: 'REPORTED' },
    );
    expect(rows).toEqual(
      [
        'report-china-close-ties',
        'report-first-large-scale-engagement',
        'report-icbm-record-flight',
        'report-troops-trained-for-front-line',
      ].map((id) => ({ id, source: SOURCE, speakers: 0 })),
    );
  });

  it('finds the quoted "no limits" in a statement of China, and Blinken behind his comments on a wider conflict', async () => {
    const rows = await read(
      'MATCH (a)-[:MADE]->(s:Statement) WHERE s.text CONTAINS $words RETURN s.id AS id, a.id AS speaker',
      { words: 'no limits' },
    );
    expect(rows).toEqual([{ id: 'china-no-limits-partnership', speaker: 'china' }]);
    expect(await speakersOf('blinken-wider-conflict')).toEqual(['antony-blinken']);
  });

  it('has China in a "no limits" partnership with Russia and close ties with North Korea', async () => {
    const rows = await read(
      'MATCH (:State {id: $china})-[r:RELATION]->(other:State) RETURN other.id AS otherId, r.kind AS kind, r.description AS description ORDER BY otherId',
      { china: 'china' },
    );
    expect(rows).toEqual([
      { otherId: 'north-korea', kind: 'TIES', description: expect.stringContaining('close ties') },
      {
        otherId: 'russia',
        kind: 'PARTNERSHIP',
        description: expect.stringContaining('“no limits”'),
      },
    ]);
  });

  it('has the Biden administration urge Beijing to step in', async () => {
    expect(await speakersOf('biden-administration-urges-beijing')).toEqual([
      'biden-administration',
    ]);
    expect(await addresseesOf('biden-administration-urges-beijing')).toEqual(['china']);
    expect((await statement('biden-administration-urges-beijing')).text).toBe(
      'China should step in.',
    );
  });

  it('has the Pentagon and South Korea’s defense ministry urge North Korea to withdraw', async () => {
    const urge = await statement('pentagon-seoul-urge-withdrawal');
    expect(urge.text).toBe('North Korea should pull its troops out of Russia.');
    expect(await speakersOf('pentagon-seoul-urge-withdrawal')).toEqual([
      'pentagon',
      'south-korea-defense-ministry',
    ]);
    expect(await addresseesOf('pentagon-seoul-urge-withdrawal')).toEqual(['north-korea']);
    const [ministry] = await read(
      'MATCH (:Organization {id: $id})-[:PART_OF]->(s:State) RETURN s.id AS state',
      {
        id: 'south-korea-defense-ministry',
      },
    );
    expect(ministry).toEqual({ state: 'south-korea' });
  });

  it('keeps the technology-for-troops claim hedged, with its hedge', async () => {
    const claim = await statement('experts-technology-for-troops');
    expect(claim).toMatchObject({
      kind: 'HEDGED_CLAIM',
      hedge: 'potentially linked',
      source: SOURCE,
    });
    expect(claim.text).toContain('military technology in return for North Korean help');
    expect(await speakersOf('experts-technology-for-troops')).toEqual(['unnamed-experts']);
  });

  it('dates the war between Russia and Ukraine to February 2022', async () => {
    const [relation] = await read(
      'MATCH (:State {id: $from})-[r:RELATION]->(:State {id: $to}) RETURN r.kind AS kind, r.since AS since',
      { from: 'russia', to: 'ukraine' },
    );
    expect(relation).toEqual({ kind: 'WAR', since: '2022-02' });
    const [war] = await read(
      'MATCH (e:Event {id: $id}) RETURN e.date AS date, e.timeText AS timeText',
      { id: 'russia-ukraine-war' },
    );
    expect(war).toEqual({ date: '2022-02', timeText: 'February 2022' });
  });

  it('keeps both troop estimates, each attributed to its own statement', async () => {
    const rows = await read(
      `MATCH (e:Estimate)-[:ESTIMATES]->(:MilitaryUnit {id: $unit})
       MATCH (e)-[:ATTRIBUTED_TO]->(s:Statement)-[:REPORTED_IN]->(src:Source)
       RETURN e.id AS estimate, e.value AS value, e.qualifier AS qualifier, s.id AS statement, src.id AS source
       ORDER BY value DESC`,
      { unit: 'north-korean-troops-in-russia' },
    );
    expect(rows).toEqual([
      {
        estimate: 'estimate-10000-troops-in-russia',
        value: 10000,
        qualifier: 'around',
        statement: 'blinken-10000-troops-sent-to-russia',
        source: SOURCE,
      },
      {
        estimate: 'estimate-8000-troops-near-ukraine-border',
        value: 8000,
        qualifier: 'approximately',
        statement: 'us-8000-troops-near-ukraine-border',
        source: SOURCE,
      },
    ]);
  });

  it('leaves unknown dates null rather than guessing them', async () => {
    const [said] = await read(
      'MATCH (s:Statement) WHERE s.saidAt IS NOT NULL RETURN count(s) AS total',
    );
    expect(said).toEqual({ total: 0 });
    const dated = await read('MATCH (e:Event) WHERE e.date IS NOT NULL RETURN e.id AS id');
    expect(dated).toEqual([{ id: 'russia-ukraine-war' }]);
    const [source] = await read(
      'MATCH (s:Source {id: $id}) RETURN s.publishedAt AS publishedAt, s.publisher AS publisher',
      {
        id: SOURCE,
      },
    );
    expect(source).toEqual({ publishedAt: null, publisher: null });
    expect((await statement('blinken-meat-grinder')).saidAt).toBeNull();
  });
}

/** Relationships in a stable order (type, then properties), for comparing two dumps. */
function sortRels(rows: Row[]): string[] {
  return rows.map((r) => JSON.stringify(r)).sort();
}

if (isRunningTestFile(__filename)) describeEngines('The article seed', seedContract);
