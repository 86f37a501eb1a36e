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
      "About 11,000 North Korean troops are in Russia, South Korea's spy agency said.",
    );
    expect(fourth.counts.estimates).toBe(1);
    expect(fifth.plan.statements).toEqual([{ text: QUOTE, kind: 'QUOTE' }]);
    expect(fifth.counts).toMatchObject({ statements: 0, statementsMatched: 1 });
  });
});
