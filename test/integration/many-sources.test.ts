/**
 * Many sources (issue 16), over GraphQL on the real embedded engine with the
 * real extractor, on the seeded graph: three reports of our own about the
 * same events (test/fixtures/reports/many-sources/), published on different
 * dates, are ingested in order. A quote the second and third reports repeat
 * (once with other punctuation and case) stays one statement reported in
 * three sources, each keeping its own evidence; a paraphrase of it is only
 * proposed as similar; `reportedBy` counts the sources and names the first
 * and latest; the seed's statements keep their one source and evidence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createQueries } from '../../src/graph';
import { ruleBasedExtractor } from '../../src/ingest';
import { type Api, TOKEN, openApi } from '../helpers/api-helper';

const DIR = path.resolve(__dirname, '../fixtures/reports/many-sources');
const REPORTS = [
  { file: '1-first-report.txt', publishedAt: '2024-10-28', publisher: 'Harbor Wire' },
  { file: '2-second-report.txt', publishedAt: '2024-11-01', publisher: 'Lakeside Daily' },
  { file: '3-third-report.txt', publishedAt: '2024-11-05', publisher: 'Harbor Wire' },
].map((r) => ({ ...r, text: readFileSync(path.join(DIR, r.file), 'utf8') }));

const QUOTE = 'If these troops enter the fight, they become legitimate targets';

const INGEST = /* GraphQL */ `
  mutation Ingest($input: IngestReportInput!, $dryRun: Boolean) {
    ingestReport(input: $input, dryRun: $dryRun) {
      status
      source {
        id
      }
      counts {
        statements
        statementsMatched
      }
      plan {
        statements {
          id
          kind
          text
          match {
            how
            confidence
            statement {
              id
              text
            }
          }
        }
        warnings {
          code
          message
        }
      }
    }
  }
`;

const REPORTED_BY = /* GraphQL */ `
  fragment Reports on Statement {
    id
    text
    source {
      id
      publishedAt
    }
    reportedBy {
      totalCount
      first {
        source {
          publishedAt
        }
      }
      latest {
        source {
          publishedAt
        }
      }
      reports {
        source {
          id
          publisher
          publishedAt
          text
        }
        text
        attribution
        evidence {
          sentence
          start
          end
        }
      }
    }
  }
`;

let api: Api;
const sourceIds: string[] = [];
type Outcome = { status: string; counts: any; plan: any; source: { id: string } };
const outcomes: Outcome[] = [];

async function ingest(report: (typeof REPORTS)[number], dryRun = false): Promise<Outcome> {
  const { text, publishedAt, publisher } = report;
  const result = await api.run(
    INGEST,
    { input: { text, publishedAt, publisher }, dryRun },
    { token: TOKEN },
  );
  expect(result.errors).toBeUndefined();
  return result.data.ingestReport;
}

async function statementsWith(words: string): Promise<any[]> {
  const data = await api.read(
    `query($words: String!) { statements(filter: { textContains: $words }, first: 10) { edges { node { ...Reports } } } }
    ${REPORTED_BY}`,
    { words },
  );
  return data.statements.edges.map((e: any) => e.node);
}

beforeAll(async () => {
  api = await openApi({ seed: true, ingest: { extractor: ruleBasedExtractor, maxBytes: 20_000 } });
  for (const report of REPORTS) {
    const outcome = await ingest(report);
    expect(outcome.status).toBe('COMMITTED');
    outcomes.push(outcome);
    sourceIds.push(outcome.source.id);
  }
}, 120_000);
afterAll(() => api.close());

describe('one claim reported by many sources', () => {
  it('keeps a repeated quote as one statement, whatever punctuation and case each report gives it', async () => {
    const found = await statementsWith('become legitimate targets');
    const quotes = found.filter((s) => s.text.startsWith('If these troops'));
    expect(quotes.map((s) => s.text)).toEqual([QUOTE]);
    expect(outcomes.map((o) => o.counts.statementsMatched)).toEqual([0, 1, 1]);
  });

  it('shows in the plan which planned statement matches an existing one', async () => {
    const [quote] = await statementsWith(QUOTE);
    const second = outcomes[1]?.plan.statements.find((s: any) => s.kind === 'QUOTE');
    expect(second).toMatchObject({
      text: 'If these troops enter the fight -- they become Legitimate Targets',
      match: { how: 'SAME_WORDS', confidence: 1, statement: { id: quote.id, text: QUOTE } },
    });
  });

  it('keeps each report’s own evidence: its words, its sentence, its offsets into its own text', async () => {
    const [quote] = await statementsWith(QUOTE);
    const reports = quote.reportedBy.reports;
    expect(reports.map((r: any) => [r.source.id, r.source.publishedAt, r.text])).toEqual([
      [sourceIds[0], '2024-10-28', QUOTE],
      [
        sourceIds[1],
        '2024-11-01',
        'If these troops enter the fight -- they become Legitimate Targets',
      ],
      [sourceIds[2], '2024-11-05', QUOTE],
    ]);
    for (const r of reports) {
      expect(r.source.text.slice(r.evidence.start, r.evidence.end)).toContain(r.text);
      expect(r.evidence.sentence).toContain(r.text);
      expect(r.source.text).toContain(r.evidence.sentence);
    }
    expect(reports.map((r: any) => r.attribution)).toEqual([
      'Blinken told',
      'Blinken said',
      'Antony J. Blinken said',
    ]);
  });

  it('counts the sources and names the first and latest report; `source` stays the first', async () => {
    const [quote] = await statementsWith(QUOTE);
    expect(quote.reportedBy).toMatchObject({
      totalCount: 3,
      first: { source: { publishedAt: '2024-10-28' } },
      latest: { source: { publishedAt: '2024-11-05' } },
    });
    expect(quote.source).toEqual({ id: sourceIds[0], publishedAt: '2024-10-28' });
  });

  it('lists a statement reported by three sources once in its speaker’s statements, with its sources in the same query', async () => {
    const query = `{ person(id: "antony-blinken") { statements(first: 100) { id source { id } reportedBy { totalCount } } } }`;
    const withSources = await api.run(query);
    expect(withSources.errors).toBeUndefined();
    const statements = withSources.data.person.statements;
    const ids = statements.map((s: any) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [quote] = await statementsWith(QUOTE);
    expect(statements.filter((s: any) => s.id === quote.id)).toEqual([
      { id: quote.id, source: { id: sourceIds[0] }, reportedBy: { totalCount: 3 } },
    ]);
    // person, statements with their sources: `source` and `reportedBy` need no query of their own.
    expect(withSources.queries).toBe(2);
  });

  it('only proposes a paraphrase of the quote as similar, and keeps it apart', async () => {
    const second = outcomes[1]?.plan;
    const paraphrase = second.statements.find((s: any) => s.text.startsWith('the soldiers would'));
    expect(paraphrase.match).toMatchObject({ how: 'SIMILAR', statement: { text: QUOTE } });
    expect(paraphrase.match.confidence).toBeGreaterThanOrEqual(0.5);
    expect(paraphrase.match.confidence).toBeLessThan(1);
    expect(second.warnings.map((w: any) => w.code)).toContain('SIMILAR_STATEMENT');
    const stored = await statementsWith('the soldiers would become legitimate targets');
    expect(stored.map((s) => s.reportedBy.totalCount)).toEqual([1]);
  });

  it('takes a new name for an existing person as that person, and proposes no one new for it', async () => {
    const data = await api.read(
      `{ people(filter: { nameContains: "Antony" }, first: 10) { edges { node { id } } } }`,
    );
    expect(data.people.edges.map((e: any) => e.node.id)).toEqual(['antony-blinken']);
    const third = await api.read(
      `query($id: ID!) { source(id: $id) { statements(first: 10) { text speakers { ... on Entity { id } } } } }`,
      { id: sourceIds[2] },
    );
    const quoted = third.source.statements.filter((s: any) => s.text.startsWith('If these'));
    expect(quoted.map((s: any) => s.speakers)).toEqual([[{ id: 'antony-blinken' }]]);
  });

  it('leaves the seed’s statements with their one source and their evidence readable', async () => {
    const data = await api.read(
      `{ statement(id: "blinken-meat-grinder") { ...Reports evidence { sentence } } } ${REPORTED_BY}`,
    );
    const seeded = data.statement;
    expect(seeded.reportedBy.totalCount).toBe(1);
    expect(seeded.reportedBy.reports[0].source.id).toBe(seeded.source.id);
    expect(seeded.reportedBy.first).toEqual(seeded.reportedBy.latest);
  });

  it('reads the evidence of a statement ingested before evidence moved onto REPORTED_IN', async () => {
    // As an older commit wrote it: evidence on the statement, a bare REPORTED_IN.
    const sourceText = 'Old wire copy. "We stand ready," Blinken said. More text.';
    await createQueries(api.graph.port, api.graph.cypher).writeTransaction(async (tx) => {
      await tx.upsertNodes('Source', [
        { label: 'Source', id: 'old-wire-copy', title: 'Old wire copy', text: sourceText },
      ]);
      await tx.upsertIngestedStatements([
        {
          label: 'Statement',
          id: 'old-stand-ready',
          name: 'Blinken: We stand ready',
          text: 'We stand ready',
          kind: 'QUOTE',
          ordinal: 1,
          attribution: 'Blinken said',
          evidence: '"We stand ready," Blinken said.',
          evidenceStart: 16,
          evidenceEnd: 30,
        },
      ]);
      await tx.linkNodes('REPORTED_IN', 'Statement', 'Source', [
        { from: 'old-stand-ready', to: 'old-wire-copy' },
      ]);
    });
    const data = await api.read(
      `{ statement(id: "old-stand-ready") { evidence { sentence start end } reportedBy { totalCount reports { text attribution evidence { sentence start end } } } } }`,
    );
    const evidence = { sentence: '"We stand ready," Blinken said.', start: 16, end: 30 };
    expect(data.statement).toEqual({
      evidence,
      reportedBy: {
        totalCount: 1,
        reports: [{ text: 'We stand ready', attribution: 'Blinken said', evidence }],
      },
    });
  });

  it('a dry run of a further report shows the match and writes nothing', async () => {
    const before = await api.read('{ graphStats { nodes relationships } }');
    const again = {
      file: 'dry-run',
      publishedAt: '2024-11-09',
      publisher: 'Harbor Wire',
      text: `Blinken keeps up the pressure\n"If these troops enter the fight, they become legitimate targets," Blinken said on Saturday.\n`,
    };
    const outcome = await ingest(again, true);
    expect(outcome.status).toBe('DRY_RUN');
    expect(outcome.plan.statements[0].match.how).toBe('SAME_WORDS');
    expect(await api.read('{ graphStats { nodes relationships } }')).toEqual(before);
  });
});

describe('reportedBy.reports(first)', () => {
  it('cuts the list of reports to the first N, earliest first, and keeps the count, first and latest', async () => {
    const [quote] = await statementsWith(QUOTE);
    const result = await api.run(
      `query($id: ID!) { statement(id: $id) { reportedBy { totalCount reports(first: 2) { source { id } } latest { source { id } } } } }`,
      { id: quote.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.statement.reportedBy).toEqual({
      totalCount: 3,
      reports: [{ source: { id: sourceIds[0] } }, { source: { id: sourceIds[1] } }],
      latest: { source: { id: sourceIds[2] } },
    });
  });

  it('refuses a first outside 0 to 100 with BAD_USER_INPUT', async () => {
    const [quote] = await statementsWith(QUOTE);
    const result = await api.run(
      `query($id: ID!) { statement(id: $id) { reportedBy { reports(first: 101) { source { id } } } } }`,
      { id: quote.id },
    );
    expect(result.errors?.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('figures that disagree', () => {
  it('answers how the estimate of North Korean troops in Russia changed, and who gave each number', async () => {
    const result = await api.run(`{
      militaryUnit(id: "north-korean-troops-in-russia") {
        figureGroups {
          unit scope lowest highest spread disagree
          figures { value publishedAt speakers { ... on Entity { name } } source { publisher } evidence { sentence } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const [inRussia, ...others] = result.data.militaryUnit.figureGroups;
    expect(inRussia).toEqual({
      unit: 'troops',
      scope: 'in Russia',
      lowest: 3000,
      highest: 12000,
      spread: 9000,
      disagree: true,
      figures: [
        {
          value: 3000,
          publishedAt: '2024-10-28',
          speakers: [{ name: "South Korea's spy agency" }],
          source: { publisher: 'Harbor Wire' },
          evidence: {
            sentence:
              "About 3,000 North Korean troops are in Russia, South Korea's spy agency said.",
          },
        },
        {
          value: 10000,
          publishedAt: '2024-11-01',
          speakers: [{ name: 'Pentagon' }],
          source: { publisher: 'Lakeside Daily' },
          evidence: { sentence: 'The Pentagon said 10,000 North Korean troops are now in Russia.' },
        },
        {
          value: 12000,
          publishedAt: '2024-11-05',
          // The body the first report introduced, found again by its name.
          speakers: [{ name: "South Korea's spy agency" }],
          source: { publisher: 'Harbor Wire' },
          evidence: {
            sentence:
              "As many as 12,000 North Korean troops are in Russia, South Korea's spy agency said.",
          },
        },
      ],
    });
    // The seed's own figures have other scopes: groups of one, which cannot disagree.
    expect(others.map((g: any) => [g.scope, g.figures.length, g.disagree])).toEqual([
      ['in Russia near Ukraine’s border', 1, false],
      ['sent to Russia, most in the Kursk region', 1, false],
    ]);
    // One query per hop for the whole level, not one per figure.
    // the entity, its estimates, their statements, then those statements' sources and speakers.
    expect(result.queries).toBe(5);
  });
});

const MERGE = /* GraphQL */ `
  mutation Merge($keep: ID!, $merge: ID!) {
    mergeEntities(keep: $keep, merge: $merge) {
      entity {
        id
        name
        aliases
      }
      mergedId
      movedRelationships
      droppedRelationships
    }
  }
`;
const STATS = '{ graphStats { nodes relationships } }';

/** The relationships touching `id`, as `TYPE from to` with the other end's id, and their properties. */
async function relationshipsOf(id: string): Promise<Array<{ key: string; properties: unknown }>> {
  const data = await api.read(
    `query($id: ID!) { neighborhood(id: $id, hops: 1, limit: 500) { truncated edges { type from to properties } } }`,
    { id },
  );
  expect(data.neighborhood.truncated).toBe(false);
  return data.neighborhood.edges
    .filter((e: any) => e.from === id || e.to === id)
    .map((e: any) => ({ key: `${e.type} ${e.from} ${e.to}`, properties: e.properties }));
}

describe('mergeEntities', () => {
  /**
   * A duplicate a reviewer entered by hand before the reports were matched:
   * the same person under the name the third report uses.
   */
  async function proposedAntonyJ(): Promise<string> {
    const id = 'antony-j-blinken';
    const existing = await api.read(`query($id: ID!) { node(id: $id) { id } }`, { id });
    if (existing.node) return id;
    const created = await api.run(
      'mutation($input: EntityInput!) { upsertPerson(input: $input) { id } }',
      { input: { id, name: 'Antony J. Blinken' } },
      { token: TOKEN },
    );
    expect(created.errors).toBeUndefined();
    return id;
  }

  it('refuses unknown ids, different kinds, the same id twice and a missing token, writing nothing', async () => {
    const merge = await proposedAntonyJ();
    const before = await api.read(STATS);
    const attempts: Array<[Record<string, string>, string | undefined, string, string]> = [
      [
        { keep: 'antony-blinken', merge: 'no-such-person' },
        TOKEN,
        'NOT_FOUND',
        'merge: no entity has the id "no-such-person".',
      ],
      [
        { keep: 'no-such-person', merge },
        TOKEN,
        'NOT_FOUND',
        'keep: no entity has the id "no-such-person".',
      ],
      [
        { keep: 'north-korea', merge },
        TOKEN,
        'CONFLICT',
        `merge: "${merge}" is a Person and "north-korea" a State; only entities of the same kind can be merged.`,
      ],
      [
        { keep: merge, merge },
        TOKEN,
        'BAD_USER_INPUT',
        `merge: is the same entity as keep ("${merge}"); give two different ids.`,
      ],
    ];
    for (const [variables, token, code, message] of attempts) {
      const result = await api.run(MERGE, variables, { token });
      expect(result.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([[code, message]]);
    }
    const anonymous = await api.run(MERGE, { keep: 'antony-blinken', merge });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await api.read(STATS)).toEqual(before);
  });

  it('moves every relationship and alias of the merged entity onto the kept one, in one transaction', async () => {
    const merge = await proposedAntonyJ();
    // What a reviewer might have linked to the new name: a role the kept entity already holds
    // (with another title), an event with a role, a statement mentioning it.
    const links = [
      { type: 'HOLDS_ROLE', from: merge, to: 'united-states', properties: { title: 'Secretary' } },
      {
        type: 'PARTICIPATED_IN',
        from: merge,
        to: 'icbm-test',
        properties: { role: 'commentator' },
      },
      { type: 'MENTIONS', from: 'blinken-meat-grinder', to: merge },
    ];
    for (const input of links) {
      const linked = await api.run(
        'mutation($input: LinkInput!) { link(input: $input) { changed } }',
        { input },
        { token: TOKEN },
      );
      expect(linked.errors).toBeUndefined();
    }
    const keepBefore = await relationshipsOf('antony-blinken');
    const mergeBefore = await relationshipsOf(merge);
    expect(mergeBefore.length).toBeGreaterThan(0);
    const before = await api.read(STATS);

    const result = await api.run(MERGE, { keep: 'antony-blinken', merge }, { token: TOKEN });
    expect(result.errors).toBeUndefined();
    const outcome = result.data.mergeEntities;

    // Every relationship of the merged entity, re-pointed at the kept one; those it already had stay once.
    const repointed = mergeBefore.map((r) => ({
      ...r,
      key: r.key
        .split(' ')
        .map((part) => (part === merge ? 'antony-blinken' : part))
        .join(' '),
    }));
    const expected = new Map([...repointed, ...keepBefore].map((r) => [r.key, r]));
    const after = await relationshipsOf('antony-blinken');
    expect(after.map((r) => r.key).sort()).toEqual([...expected.keys()].sort());
    for (const r of keepBefore) expect(after.find((a) => a.key === r.key)).toEqual(r);
    expect(after.find((a) => a.key === 'PARTICIPATED_IN antony-blinken icbm-test')).toEqual({
      key: 'PARTICIPATED_IN antony-blinken icbm-test',
      properties: { role: 'commentator' },
    });
    // The role the kept entity already held keeps its own title.
    expect(after.find((a) => a.key === 'HOLDS_ROLE antony-blinken united-states')).toMatchObject({
      properties: { title: 'Secretary of State' },
    });
    expect(outcome.movedRelationships + outcome.droppedRelationships).toBe(mergeBefore.length);
    expect(outcome.movedRelationships).toBe(after.length - keepBefore.length);

    expect(outcome.mergedId).toBe(merge);
    expect(outcome.entity.id).toBe('antony-blinken');
    expect(outcome.entity.aliases).toContain('Antony J. Blinken');
    expect(await api.read(STATS)).toEqual({
      graphStats: {
        nodes: before.graphStats.nodes - 1,
        relationships: before.graphStats.relationships - outcome.droppedRelationships,
      },
    });
    const gone = await api.read(`query($id: ID!) { node(id: $id) { id } }`, { id: merge });
    expect(gone.node).toBeNull();
  });
});
