/**
 * The done-when of report ingestion, over GraphQL on the real embedded engine
 * with the real extractor: the one real report (../shared/source/article.txt,
 * read at run time) goes into an empty graph; then "who said
 * 'co-belligerents'?" and "which figures does the report give, and on whose
 * authority?" come back with the sentence as evidence; ingesting it again
 * changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleBasedExtractor } from '../../src/ingest';
import { type Api, TOKEN, openApi } from '../helpers/api-helper';

const ARTICLE = readFileSync(path.resolve(__dirname, '../../../shared/source/article.txt'), 'utf8');
const INGEST = `mutation($text: String!) {
  ingestReport(input: { text: $text, publishedAt: "2024-11-01" }, dryRun: false) {
    status source { id title } counts { statements estimates relationships }
  }
}`;
const STATS = '{ graphStats { nodes relationships byLabel { name count } byType { name count } } }';

let api: Api;
let sourceId: string;

beforeAll(async () => {
  api = await openApi({
    seed: false,
    ingest: { extractor: ruleBasedExtractor, maxBytes: 200_000 },
  });
  const result = await api.run(INGEST, { text: ARTICLE }, { token: TOKEN });
  expect(result.errors).toBeUndefined();
  expect(result.data.ingestReport.status).toBe('COMMITTED');
  sourceId = result.data.ingestReport.source.id;
}, 60_000);
afterAll(() => api.close());

describe('the article, ingested into an empty graph', () => {
  it('answers who said "co-belligerents", with the sentence as evidence', async () => {
    const data = await api.read(`{
      statements(filter: { textContains: "co-belligerents" }) {
        edges { node { kind text speakers { ... on Entity { name } } evidence { sentence start end } source { id text } } }
      }
    }`);
    const found = data.statements.edges.map((e: any) => e.node);
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      expect(s.speakers.map((sp: any) => sp.name)).toEqual(['Lloyd Austin']);
      expect(s.evidence.sentence).toContain('“co-belligerents”');
      expect(s.source.id).toBe(sourceId);
      // The offsets point at the statement inside the stored text, within its sentence.
      const span = s.source.text.slice(s.evidence.start, s.evidence.end);
      expect(s.evidence.sentence).toContain(span);
      expect(span).toContain('co-belligerents');
    }
  });

  it('lists the figures the report gives and on whose authority, each with its sentence', async () => {
    const data = await api.read(
      `query($id: ID!) {
      source(id: $id) { statements(first: 40) { kind speakers { ... on Entity { name } } evidence { sentence } estimates { value unit qualifier label } } }
    }`,
      { id: sourceId },
    );
    // Fewer than asked for: every statement of the report is here (40 keeps the query within the cost limit).
    expect(data.source.statements.length).toBeLessThan(40);
    const figures = data.source.statements.flatMap((s: any) =>
      s.estimates.map((e: any) => ({
        value: e.value,
        qualifier: e.qualifier,
        kind: s.kind,
        by: s.speakers.map((sp: any) => sp.name),
        sentence: s.evidence.sentence,
      })),
    );
    const byValue = new Map(figures.map((f: any) => [f.value, f]));
    expect([...byValue.keys()].sort((a: any, b: any) => a - b)).toEqual([86, 8000, 10000]);
    const troops10k: any = byValue.get(10000);
    expect(troops10k).toMatchObject({ qualifier: 'around' });
    expect(troops10k.by.join(' ')).toMatch(/Blinken/);
    expect(troops10k.sentence).toContain('around 10,000 troops');
    const troops8k: any = byValue.get(8000);
    expect(troops8k).toMatchObject({ qualifier: 'approximately' });
    expect(troops8k.by.join(' ')).toMatch(/U\.S\.|United States/);
    expect(troops8k.sentence).toContain('approximately 8,000');
    // The flight time is the report's own figure: no speaker vouches for it.
    expect(byValue.get(86)).toMatchObject({ kind: 'REPORTED', by: [] });
    expect((byValue.get(86) as any).sentence).toContain('86 minutes');
  });

  it('changes nothing when the same report is ingested again', async () => {
    const before = await api.read(STATS);
    const again = await api.run(INGEST, { text: ARTICLE }, { token: TOKEN });
    expect(again.data.ingestReport).toEqual({
      status: 'UNCHANGED',
      source: { id: sourceId, title: expect.any(String) },
      counts: null,
    });
    expect(await api.read(STATS)).toEqual(before);
  });
});
