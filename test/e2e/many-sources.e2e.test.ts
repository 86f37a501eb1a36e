/**
 * End-to-end test of the explorer over many sources (issue 16): the real API
 * server on the seeded embedded graph ingests the three fixture reports
 * (test/fixtures/reports/many-sources/) through GraphQL, and headless
 * Chromium (playwright-core, Debian's /usr/bin/chromium or CHROMIUM_PATH)
 * reads the statement card of the quote all three repeat, and the figures
 * chart of the North Korean troops unit: one SVG mark per (figure, dated
 * report) the API returns. Screenshots go to a temporary directory.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { buildPageIfNeeded } from '../helpers/page-build';
import { TEST_TOKEN, type TestServer, startTestServer } from '../helpers/server-helper';

const DIR = path.resolve(__dirname, '../fixtures/reports/many-sources');
const REPORTS = [
  { file: '1-first-report.txt', publishedAt: '2024-10-28', publisher: 'Harbor Wire' },
  { file: '2-second-report.txt', publishedAt: '2024-11-01', publisher: 'Lakeside Daily' },
  { file: '3-third-report.txt', publishedAt: '2024-11-05', publisher: 'Harbor Wire' },
].map((r) => ({ ...r, text: readFileSync(path.join(DIR, r.file), 'utf8') }));
const QUOTE = 'If these troops enter the fight, they become legitimate targets';
const UNIT = 'north-korean-troops-in-russia';

const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input, dryRun: false) { status source { id title } } }`;
const QUOTE_QUERY = `query($words: String!) { statements(filter: { textContains: $words }, first: 10) { edges { node { id text speaker { ... on Entity { id } } } } } }`;
const FIGURES_QUERY = `query($id: ID!) { entity(id: $id) { figureGroups { unit scope figures { estimate { id } statement { reportedBy { totalCount reports(first: 10) { source { id publishedAt } } } } } } } }`;

jest.setTimeout(90_000);

let server: TestServer;
let browser: Browser;
let page: Page;
const shots = mkdtempSync(path.join(tmpdir(), 'many-sources-e2e-'));
const sources: { id: string; title: string }[] = [];
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  await buildPageIfNeeded();
  server = await startTestServer();
  for (const { text, publishedAt, publisher } of REPORTS) {
    const { body } = await server.post(
      INGEST,
      { input: { text, publishedAt, publisher } },
      { authorization: `Bearer ${TEST_TOKEN}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestReport.status).toBe('COMMITTED');
    sources.push(body.data.ingestReport.source);
  }
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin)) foreignRequests.push(request.url());
  });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the statement card', () => {
  it('says the repeated quote is reported by 3 sources and lists them, first and latest marked, with a report’s own words where they differ', async () => {
    const { body } = await server.post(QUOTE_QUERY, { words: QUOTE });
    const quote = body.data.statements.edges
      .map((e: any) => e.node)
      .find((s: any) => s.text === QUOTE);
    await page.goto(
      `${server.origin}/explorer/#/entity/${quote.speaker.id}/statement/${encodeURIComponent(quote.id)}`,
    );
    const card = page.locator(`li.statement[data-statement-id="${quote.id}"]`).first();
    await card.waitFor();
    expect(await card.locator('.reported-by-count').innerText()).toBe('Reported by 3 sources');
    const reports = card.locator('li.report');
    expect(await reports.count()).toBe(3);
    expect(
      await reports.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(sources.map((s) => `#/source/${encodeURIComponent(s.id)}`));
    const texts = await reports.allInnerTexts();
    expect(texts.map((t) => t.match(/\d{4}-\d\d-\d\d/)?.[0])).toEqual(
      REPORTS.map((r) => r.publishedAt),
    );
    expect(texts[0]).toContain(sources[0]?.title);
    expect(texts[0]).toContain('Harbor Wire');
    expect(await reports.nth(0).locator('.report-tag').allInnerTexts()).toEqual(['FIRST']);
    expect(await reports.nth(2).locator('.report-tag').allInnerTexts()).toEqual(['LATEST']);
    // Only the second report printed the words differently.
    expect(await reports.locator('.report-words').allInnerTexts()).toEqual([
      'If these troops enter the fight -- they become Legitimate Targets',
    ]);
    await card.screenshot({ path: path.join(shots, 'statement-card.png') });
  });

  it('says "reported by 1 source" (singular) for a seed statement', async () => {
    await page.goto(`${server.origin}/explorer/#/entity/antony-blinken`);
    const counts = page.locator('#section-made .reported-by-count');
    await counts.first().waitFor();
    expect(await counts.allInnerTexts()).toContain('Reported by 1 source');
  });

  it('shows the count and the sources on the source page too', async () => {
    await page.goto(`${server.origin}/explorer/#/source/${encodeURIComponent(sources[1]!.id)}`);
    const card = page.locator('.source-page li[data-statement]', { hasText: 'Legitimate Targets' });
    await card.first().waitFor();
    expect(await card.first().locator('.reported-by-count').innerText()).toBe(
      'Reported by 3 sources',
    );
  });
});

describe('the figures compared', () => {
  it('charts each group of the North Korean troops with one mark per (figure, dated report) the API returns, and flags the disagreement', async () => {
    const { body } = await server.post(FIGURES_QUERY, { id: UNIT });
    expect(body.errors).toBeUndefined();
    const groups: any[] = body.data.entity.figureGroups;
    await page.goto(`${server.origin}/explorer/#/entity/${UNIT}`);
    const blocks = page.locator('#section-figures .figure-group');
    await blocks.first().waitFor();
    expect(await blocks.count()).toBe(groups.length);
    let total = 0;
    for (const [i, group] of groups.entries()) {
      // The page plots a figure's first 10 reports; here no figure has more, so nothing is cut.
      for (const f of group.figures)
        expect(f.statement.reportedBy.totalCount).toBeLessThanOrEqual(10);
      const pairs = group.figures.flatMap((f: any) =>
        f.statement.reportedBy.reports
          .filter((r: any) => r.source.publishedAt)
          .map((r: any) => `${f.estimate.id}|${r.source.id}`),
      );
      total += pairs.length;
      const marks = blocks.nth(i).locator('svg.figure-chart g.figure-mark');
      expect(await marks.count()).toBe(pairs.length);
      expect(
        (
          await marks.evaluateAll((gs) =>
            gs.map(
              (g) => `${g.getAttribute('data-estimate-id')}|${g.getAttribute('data-source-id')}`,
            ),
          )
        ).sort(),
      ).toEqual([...pairs].sort());
      // Every figure of the group is a row of its table.
      expect(await blocks.nth(i).locator('tbody tr').count()).toBe(group.figures.length);
    }
    expect(total).toBeGreaterThanOrEqual(3);

    const troops = page.locator('#section-figures .figure-group[data-group="troops in Russia"]');
    expect(await troops.locator('.disagree-flag').innerText()).toContain('Reports disagree');
    expect(await troops.locator('.figure-spread').innerText()).toContain(
      'From 3,000 to 12,000: a spread of 9,000.',
    );
    const chart = troops.locator('svg.figure-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/^troops in Russia: 3 reports/);
    // Each mark is labelled with who gave it, as text and as its <title>.
    const titles = await chart.locator('g.figure-mark > title').allTextContents();
    expect(titles).toHaveLength(3);
    expect(titles.find((t) => t.includes('10,000'))).toMatch(/Pentagon.*\(2024-11-01\)$/);
    expect(await chart.locator('g.figure-mark .mark-label').allTextContents()).toEqual(
      expect.arrayContaining(['10,000 · Pentagon']),
    );
    // Axes: the report dates and round values.
    const axisText = await chart.locator('.axis text').allTextContents();
    expect(axisText).toEqual(
      expect.arrayContaining(['2024-10-28', '2024-11-01', '2024-11-05', '0', '15,000']),
    );
    // The marks sit in date order from left to right.
    const xs = await chart
      .locator('g.figure-mark circle')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);

    await troops.screenshot({ path: path.join(shots, 'figures-troops-in-russia.png') });
    const file = path.join(shots, 'figures-chart.png');
    await page.locator('#section-figures').screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('shows an entity’s external ids as links to their pages', async () => {
    const { body } = await server.post(
      `mutation { upsertPerson(input: { id: "antony-blinken", name: "Antony Blinken", externalIds: [{ scheme: "wikidata", id: "Q6279" }] }) { id } }`,
      {},
      { authorization: `Bearer ${TEST_TOKEN}` },
    );
    expect(body.errors).toBeUndefined();
    await page.goto(`${server.origin}/explorer/#/entity/antony-blinken`);
    const link = page.locator('.entity-head .external-ids a[data-scheme="wikidata"]');
    await link.waitFor();
    expect(await link.innerText()).toBe('Wikidata Q6279');
    expect(await link.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q6279');
  });

  it('raised no page errors and fetched nothing from another origin', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
