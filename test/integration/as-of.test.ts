/**
 * The graph "as of" a date (issue 16), over GraphQL on the real embedded
 * engine with the real extractor, on the seeded graph: the five reports of
 * test/fixtures/reports/many-sources/ (four dated 2024-10-28 to 2024-11-12,
 * one undated) are ingested in order. `asOf` views on three dates show only
 * what sources published by then had said; undated sources (the fifth report
 * and the seed's article) are left out of every such view, and
 * `asOfSummary` says how many. The timeline orders an entity's statements,
 * events and figures by date; rankings count distinct reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleBasedExtractor } from '../../src/ingest';
import { type Api, TOKEN, openApi } from '../helpers/api-helper';

const DIR = path.resolve(__dirname, '../fixtures/reports/many-sources');
const REPORTS = [
  { file: '1-first-report.txt', publishedAt: '2024-10-28', publisher: 'Harbor Wire' },
  { file: '2-second-report.txt', publishedAt: '2024-11-01', publisher: 'Lakeside Daily' },
  { file: '3-third-report.txt', publishedAt: '2024-11-05', publisher: 'Harbor Wire' },
  { file: '4-fourth-report.txt', publishedAt: '2024-11-12', publisher: 'Lakeside Daily' },
  { file: '5-undated-report.txt', publishedAt: null, publisher: 'Pamphlet Press' },
].map((r) => ({ ...r, text: readFileSync(path.join(DIR, r.file), 'utf8') }));

const QUOTE = 'If these troops enter the fight, they become legitimate targets';

const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestReportInput!) {
    ingestReport(input: $input, dryRun: false) {
      status
      source {
        id
      }
      counts {
        statements
        statementsMatched
        entitiesCreated
        estimates
      }
      plan {
        statements {
          text
          kind
        }
        proposedEntities {
          id
          name
        }
      }
    }
  }
`;

let api: Api;
const sourceIds: string[] = [];
const outcomes: any[] = [];

beforeAll(async () => {
  api = await openApi({ seed: true, ingest: { extractor: ruleBasedExtractor, maxBytes: 20_000 } });
  for (const { text, publishedAt, publisher } of REPORTS) {
    const input = publishedAt ? { text, publishedAt, publisher } : { text, publisher };
    const result = await api.run(INGEST, { input }, { token: TOKEN });
    expect(result.errors).toBeUndefined();
    expect(result.data.ingestReport.status).toBe('COMMITTED');
    outcomes.push(result.data.ingestReport);
    sourceIds.push(result.data.ingestReport.source.id);
  }
}, 120_000);
afterAll(() => api.close());

describe('the fourth and fifth reports', () => {
  it('repeat the quote, introduce a new person and give a changed troop figure', () => {
    expect(outcomes.map((o) => o.counts.statementsMatched)).toEqual([0, 1, 1, 1, 1]);
    const [fourth, fifth] = [outcomes[3], outcomes[4]];
    expect(fourth.plan.proposedEntities).toEqual([{ id: 'mark-rutte', name: 'Mark Rutte' }]);
    expect(fourth.plan.statements.map((s: any) => s.text)).toContain(
      'About 11,000 North Korean troops are in Russia',
    );
    expect(fourth.counts.estimates).toBe(1);
    expect(fifth.plan.statements).toEqual([{ text: QUOTE, kind: 'QUOTE' }]);
    expect(fifth.counts).toMatchObject({ statements: 0, statementsMatched: 1 });
  });
});

const DAYS = ['2024-10-30', '2024-11-03', '2024-11-20'] as const;

/** Runs `query` (with `$asOf: String!`) once per day of DAYS. */
async function onEachDay(query: string, variables: Record<string, unknown> = {}): Promise<any[]> {
  const results = [];
  for (const asOf of DAYS) results.push(await api.read(query, { ...variables, asOf }));
  return results;
}

describe('the graph as of a date', () => {
  it('says how many sources each view includes, how many came after and how many undated ones it leaves out', async () => {
    const days = await onEachDay(
      'query($asOf: String!) { asOfSummary(asOf: $asOf) { asOf sourcesIncluded sourcesAfter undatedSourcesLeftOut } }',
    );
    // Five reports and the seed's article; the fifth report and the article have no publishedAt.
    expect(days.map((d) => d.asOfSummary)).toEqual([
      { asOf: '2024-10-30', sourcesIncluded: 1, sourcesAfter: 3, undatedSourcesLeftOut: 2 },
      { asOf: '2024-11-03', sourcesIncluded: 2, sourcesAfter: 2, undatedSourcesLeftOut: 2 },
      { asOf: '2024-11-20', sourcesIncluded: 4, sourcesAfter: 0, undatedSourcesLeftOut: 2 },
    ]);
  });

  it('lists only the statements a source published by then reports', async () => {
    const days = await onEachDay(
      'query($asOf: String!) { person(id: "antony-blinken") { statements(first: 100, asOf: $asOf) { text } } }',
    );
    const texts = days.map((d) => d.person.statements.map((s: any) => s.text).sort());
    const first = [QUOTE, 'North Korean soldiers had been moved toward the Kursk region.'].sort();
    const paraphrase = 'the soldiers would become legitimate targets if they joined the fighting.';
    expect(texts).toEqual([
      first,
      [...first, paraphrase].sort(),
      [...first, paraphrase, 'his warning to Pyongyang on Tuesday.'].sort(),
    ]);
    // Without asOf: the seed's statements too (its article is undated, so no asOf view has them).
    const all = await api.read(
      '{ person(id: "antony-blinken") { statements(first: 100) { id } } }',
    );
    expect(all.person.statements.length).toBe(10);
  });

  it('lists the statements mentioning an entity as of each day, each reported by a source of that day', async () => {
    const days = await onEachDay(
      `query($asOf: String!) { militaryUnit(id: "north-korean-troops-in-russia") {
        mentionedIn(first: 20, asOf: $asOf) { reportedBy { reports { source { publishedAt } } } }
      } }`,
    );
    const dates = days.map((d) =>
      d.militaryUnit.mentionedIn.map((s: any) =>
        s.reportedBy.reports.map((r: any) => r.source.publishedAt),
      ),
    );
    expect(dates.map((d) => d.length)).toEqual([2, 3, 5]);
    DAYS.forEach((day, i) => {
      for (const published of dates[i] as string[][])
        expect(published.some((p) => p !== null && p <= day)).toBe(true);
    });
  });

  it('shows the figures, and their groups, that had been reported by each day', async () => {
    const days = await onEachDay(
      `query($asOf: String!) { militaryUnit(id: "north-korean-troops-in-russia") {
        estimates(asOf: $asOf) { value }
        figureGroups(asOf: $asOf) { unit scope lowest highest spread disagree figures { value publishedAt source { id } } }
      } }`,
    );
    expect(days.map((d) => d.militaryUnit.estimates.map((e: any) => e.value).sort())).toEqual([
      [3000],
      [10000, 3000],
      [10000, 11000, 12000, 3000],
    ]);
    expect(days.map((d) => d.militaryUnit.figureGroups)).toEqual([
      [
        {
          unit: 'troops',
          scope: 'in Russia',
          lowest: 3000,
          highest: 3000,
          spread: 0,
          disagree: false,
          figures: [{ value: 3000, publishedAt: '2024-10-28', source: { id: sourceIds[0] } }],
        },
      ],
      [
        {
          unit: 'troops',
          scope: 'in Russia',
          lowest: 3000,
          highest: 10000,
          spread: 7000,
          disagree: true,
          figures: [
            { value: 3000, publishedAt: '2024-10-28', source: { id: sourceIds[0] } },
            { value: 10000, publishedAt: '2024-11-01', source: { id: sourceIds[1] } },
          ],
        },
      ],
      [
        {
          unit: 'troops',
          scope: 'in Russia',
          lowest: 3000,
          highest: 12000,
          spread: 9000,
          disagree: true,
          figures: [
            { value: 3000, publishedAt: '2024-10-28', source: { id: sourceIds[0] } },
            { value: 10000, publishedAt: '2024-11-01', source: { id: sourceIds[1] } },
            { value: 12000, publishedAt: '2024-11-05', source: { id: sourceIds[2] } },
            { value: 11000, publishedAt: '2024-11-12', source: { id: sourceIds[3] } },
          ],
        },
      ],
    ]);
  });

  it('ranks the most mentioned entities by what had been reported, with the distinct reports counted', async () => {
    const query = `query($asOf: String!) { topMentioned(first: 3, asOf: $asOf) { entity { id } count reports } }`;
    const days = await onEachDay(query);
    expect(days.map((d) => d.topMentioned)).toEqual([
      [
        { entity: { id: 'north-korea' }, count: 2, reports: 1 },
        { entity: { id: 'north-korean-troops-in-russia' }, count: 2, reports: 1 },
        { entity: { id: 'kursk-region' }, count: 1, reports: 1 },
      ],
      [
        { entity: { id: 'north-korea' }, count: 3, reports: 2 },
        { entity: { id: 'north-korean-troops-in-russia' }, count: 3, reports: 2 },
        { entity: { id: 'russia' }, count: 2, reports: 2 },
      ],
      [
        { entity: { id: 'north-korea' }, count: 6, reports: 4 },
        { entity: { id: 'north-korean-troops-in-russia' }, count: 5, reports: 4 },
        { entity: { id: 'russia' }, count: 4, reports: 4 },
      ],
    ]);
  });

  it('finds an entity only once a source published by then names it', async () => {
    const days = await onEachDay(
      'query($asOf: String!) { search(text: "rutte", asOf: $asOf) { node { ... on Node { id } } } }',
    );
    expect(days.map((d) => d.search.map((h: any) => h.node.id))).toEqual([
      [],
      [],
      ['mark-rutte', 'mark-rutte-the-alliance-was-watching-the-kursk'],
    ]);
    // Entities entered as facts (a role, a relation) stay in every view, whatever their statements.
    const [seeded] = await onEachDay(
      'query($asOf: String!) { search(text: "zelenskyy", asOf: $asOf) { node { ... on Node { id } } } }',
    );
    expect(seeded.search.map((h: any) => h.node.id)).toContain('volodymyr-zelenskyy');
  });

  it('keeps to the sources of each day in a neighbourhood, never an undated one', async () => {
    const days = await onEachDay(
      `query($asOf: String!) { neighborhood(id: "antony-blinken", hops: 2, limit: 500, asOf: $asOf) {
        truncated nodes { id label }
      } }`,
    );
    const sources = days.map((d) =>
      d.neighborhood.nodes
        .filter((n: any) => n.label === 'Source')
        .map((n: any) => n.id)
        .sort(),
    );
    expect(sources).toEqual([
      [sourceIds[0]],
      [sourceIds[0], sourceIds[1]].sort(),
      [sourceIds[0], sourceIds[1], sourceIds[2], sourceIds[3]].sort(),
    ]);
    const rutte = await onEachDay(
      'query($asOf: String!) { neighborhood(id: "mark-rutte", asOf: $asOf) { nodes { id } } }',
    );
    expect(rutte.map((d) => d.neighborhood.nodes.map((n: any) => n.id))).toEqual([
      ['mark-rutte'],
      ['mark-rutte'],
      ['mark-rutte', 'mark-rutte-the-alliance-was-watching-the-kursk'],
    ]);
  });

  it('finds a path only through what was visible on the day', async () => {
    const query = `query($asOf: String!) { path(from: "mark-rutte", to: "antony-blinken", maxHops: 4, asOf: $asOf) {
      length nodes { id label } edges { type from to }
    } }`;
    const days = await onEachDay(query);
    // Rutte is known only through the fourth report (2024-11-12).
    expect(days.map((d) => d.path === null)).toEqual([true, true, false]);
    const late = days[2].path;
    const plain = await api.read(
      '{ path(from: "mark-rutte", to: "antony-blinken", maxHops: 4) { length } }',
    );
    expect(late.length).toBe(plain.path.length);
    expect(late.nodes[0].id).toBe('mark-rutte');
    expect(late.nodes[late.nodes.length - 1].id).toBe('antony-blinken');
    expect(late.edges).toHaveLength(late.length);
    for (const n of late.nodes.filter((x: any) => x.label === 'Source'))
      expect(sourceIds.slice(0, 4)).toContain(n.id);
    // Each edge joins consecutive nodes of the path.
    late.edges.forEach((e: any, i: number) => {
      expect([e.from, e.to].sort()).toEqual([late.nodes[i].id, late.nodes[i + 1].id].sort());
    });
  });

  it('refuses an asOf that is not a day as BAD_USER_INPUT', async () => {
    for (const asOf of ['2024-13-01', '2024-11', 'yesterday', '2024-11-31']) {
      const result = await api.run('query($asOf: String!) { asOfSummary(asOf: $asOf) { asOf } }', {
        asOf,
      });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    const month = await api.run('{ search(text: "blinken", asOf: "2024-11") { score } }');
    expect(month.errors?.map((e) => e.message)).toEqual([
      'asOf: "2024-11" is not a day; an asOf view needs a full ISO-8601 date, YYYY-MM-DD.',
    ]);
    // On an entity's list, the error is the field's alone: the entity and its other fields stay.
    const field = await api.run(
      '{ person(id: "antony-blinken") { name statements(asOf: "soon") { id } } }',
    );
    expect(field.data?.person).toEqual({ name: 'Antony Blinken', statements: [] });
    expect(field.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ['BAD_USER_INPUT', ['person', 'statements']],
    ]);
  });

  it('batches an asOf field over a whole level in one query, and leaves the plain fields’ queries as they are', async () => {
    const query = (args: string) =>
      `{ topMentioned(first: 10) { entity { __typename mentionedIn(first: 5${args}) { id } } } }`;
    const plain = await api.run(query(''));
    const asOf = await api.run(query(', asOf: "2024-11-03"'));
    expect(plain.errors).toBeUndefined();
    expect(asOf.errors).toBeUndefined();
    // The ranking, then one traversal per label of the level (loaders group parents by label), with or without asOf.
    const labels = new Set(plain.data?.topMentioned.map((e: any) => e.entity.__typename));
    expect(asOf.queries).toBe(plain.queries);
    expect(plain.queries).toBe(1 + labels.size);
  });
});

describe('the timeline of an entity', () => {
  const TIMELINE = `query($id: ID!, $asOf: String) { entity(id: $id) { timeline(asOf: $asOf) {
    kind date dateFrom reportedAt statement { id } event { id } estimate { id }
  } } }`;
  const idOf = (item: any) => (item.statement ?? item.event ?? item.estimate).id;

  it('lists dated items first, by date, then undated ones by id', async () => {
    const { entity } = await api.read(TIMELINE, { id: 'antony-blinken' });
    const items = entity.timeline;
    const dated = items.filter((i: any) => i.date !== null);
    const undated = items.filter((i: any) => i.date === null);
    expect(items).toEqual([...dated, ...undated]);
    expect(dated.map((i: any) => i.date)).toEqual([
      '2024-10-28',
      '2024-10-28',
      '2024-11-01',
      '2024-11-05',
    ]);
    expect(dated.every((i: any) => i.dateFrom === 'SOURCE' && i.reportedAt === i.date)).toBe(true);
    expect(undated.map(idOf)).toEqual([...undated.map(idOf)].sort());
    expect(undated.every((i: any) => i.dateFrom === 'NONE')).toBe(true);
    // The seed's statements (an undated article) and an event without a date are among them.
    expect(undated.map((i: any) => i.kind)).toContain('EVENT');
    expect(undated.map(idOf)).toContain('blinken-meat-grinder');
  });

  it('dates an event by when it happened and a statement by when it was reported, and says which', async () => {
    const { entity } = await api.read(TIMELINE, { id: 'russia', asOf: '2024-11-03' });
    const [first] = entity.timeline;
    expect(first).toEqual({
      kind: 'EVENT',
      date: '2022-02',
      dateFrom: 'OWN',
      reportedAt: null,
      statement: null,
      event: { id: 'russia-ukraine-war' },
      estimate: null,
    });
    const statements = entity.timeline.filter((i: any) => i.kind === 'STATEMENT');
    expect(statements.length).toBeGreaterThan(0);
    for (const item of statements) {
      expect(item.dateFrom).toBe('SOURCE');
      expect(item.date <= '2024-11-03').toBe(true);
    }
  });

  it('lists the figures estimating an entity with their first report’s date, as of a day', async () => {
    const days = await onEachDay(
      `query($asOf: String!) { entity(id: "north-korean-troops-in-russia") { timeline(asOf: $asOf) {
        kind date dateFrom estimate { value }
      } } }`,
    );
    const figures = days.map((d) =>
      d.entity.timeline
        .filter((i: any) => i.kind === 'ESTIMATE')
        .map((i: any) => [i.estimate.value, i.date, i.dateFrom]),
    );
    expect(figures).toEqual([
      [[3000, '2024-10-28', 'SOURCE']],
      [
        [3000, '2024-10-28', 'SOURCE'],
        [10000, '2024-11-01', 'SOURCE'],
      ],
      [
        [3000, '2024-10-28', 'SOURCE'],
        [10000, '2024-11-01', 'SOURCE'],
        [12000, '2024-11-05', 'SOURCE'],
        [11000, '2024-11-12', 'SOURCE'],
      ],
    ]);
  });

  it('stops at `first`, and refuses more than 100', async () => {
    const three = await api.read(
      '{ entity(id: "antony-blinken") { timeline(first: 3) { date } } }',
    );
    expect(three.entity.timeline.map((i: any) => i.date)).toEqual([
      '2024-10-28',
      '2024-10-28',
      '2024-11-01',
    ]);
    const tooMany = await api.run(
      '{ entity(id: "antony-blinken") { timeline(first: 101) { date } } }',
    );
    expect(tooMany.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('corroboration counts in rankings', () => {
  it('counts the distinct reports of each speaker’s statements besides the statements', async () => {
    const query = `query($asOf: String) { speakers(first: 3, asOf: $asOf) { speaker { ... on Node { id } } count reports } }`;
    const all = await api.read(query);
    // Ten statements of Blinken's, in the seed's article and the five reports.
    expect(all.speakers[0]).toEqual({ speaker: { id: 'antony-blinken' }, count: 10, reports: 6 });
    const late = await api.read(query, { asOf: '2024-11-20' });
    expect(late.speakers).toEqual([
      { speaker: { id: 'antony-blinken' }, count: 4, reports: 4 },
      // The body that gave three of the troop figures, named by the reports themselves.
      { speaker: { id: 'south-koreas-spy-agency' }, count: 3, reports: 3 },
      { speaker: { id: 'mark-rutte' }, count: 1, reports: 1 },
    ]);
  });

  it('counts reports for the whole ranking in one more query, and only when asked for', async () => {
    const without = await api.run('{ topMentioned(first: 5) { entity { id } count } }');
    const withReports = await api.run('{ topMentioned(first: 5) { entity { id } count reports } }');
    expect([without.queries, withReports.queries]).toEqual([1, 2]);
    expect(withReports.data?.topMentioned[0]).toEqual({
      entity: { id: 'north-korea' },
      count: 20,
      reports: 5,
    });
    const co = await api.read('{ coMentions(id: "north-korea", first: 1) { reports } }');
    expect(co.coMentions).toEqual([{ reports: null }]);
  });
});

describe('the worked example of docs/sources.md', () => {
  it('answers what was known on 3 November about North Korean troops in Russia', async () => {
    const data = await api.read(`{
      asOfSummary(asOf: "2024-11-03") { sourcesIncluded sourcesAfter undatedSourcesLeftOut }
      militaryUnit(id: "north-korean-troops-in-russia") {
        figureGroups(asOf: "2024-11-03") {
          lowest highest disagree
          figures { value publishedAt speakers { ... on Entity { name } } }
        }
        timeline(first: 3, asOf: "2024-11-03") { kind date dateFrom statement { text } estimate { value } }
      }
    }`);
    expect(data).toEqual({
      asOfSummary: { sourcesIncluded: 2, sourcesAfter: 2, undatedSourcesLeftOut: 2 },
      militaryUnit: {
        figureGroups: [
          {
            lowest: 3000,
            highest: 10000,
            disagree: true,
            figures: [
              {
                value: 3000,
                publishedAt: '2024-10-28',
                speakers: [{ name: "South Korea's spy agency" }],
              },
              { value: 10000, publishedAt: '2024-11-01', speakers: [{ name: 'Pentagon' }] },
            ],
          },
        ],
        timeline: [
          {
            kind: 'STATEMENT',
            date: '2024-10-28',
            dateFrom: 'SOURCE',
            statement: { text: 'North Korean soldiers had been moved toward the Kursk region.' },
            estimate: null,
          },
          {
            kind: 'ESTIMATE',
            date: '2024-10-28',
            dateFrom: 'SOURCE',
            statement: null,
            estimate: { value: 3000 },
          },
          {
            kind: 'STATEMENT',
            date: '2024-10-28',
            dateFrom: 'SOURCE',
            statement: { text: 'About 3,000 North Korean troops are in Russia' },
            estimate: null,
          },
        ],
      },
    });
  });
});
