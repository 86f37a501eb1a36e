/**
 * The Cypher console (#/cypher) in headless Chromium against a real server
 * over the seeded in-memory graph: a preset gives a table, a query returning
 * paths gives a graph (coloured by community on request), CSV downloads, and
 * the last query is remembered.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { buildPageIfNeeded } from '../helpers/page-build';
import { TEST_ANALYST_TOKEN, startTestServer, type TestServer } from '../helpers/server-helper';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test/artifacts');

jest.setTimeout(60_000);

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

/** Replaces the editor's text (CodeMirror: select all, then type). */
async function setQuery(text: string): Promise<void> {
  await page.locator('#cypher-editor .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.locator('#cypher-editor .cm-content').evaluate((el, value) => {
    const view = (el as any).cmView?.view ?? null;
    if (view) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    else (globalThis as any).document.execCommand('insertText', false, value);
  }, text);
}

async function openConsole(): Promise<void> {
  await page.goto(`${server.origin}/explorer/#/cypher`);
  await page.getByRole('heading', { name: 'Cypher console' }).waitFor();
  await page.locator('#cypher-token').fill(TEST_ANALYST_TOKEN);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildPageIfNeeded();
  server = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
}, 150_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  pageErrors = [];
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterEach(async () => {
  await page.close();
  expect(pageErrors).toEqual([]);
});

describe('the Cypher console', () => {
  it('runs the "who speaks about whom" preset and shows a table, with bundled assets only', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await openConsole();
    await page.locator('#cypher-preset').selectOption('who-speaks-about-whom');
    await page.locator('#cypher-run').click();
    await page.locator('.cypher-table tbody tr').first().waitFor();
    const header = await page.locator('.cypher-table thead th').allTextContents();
    expect(header).toEqual(['speakerName', 'subjectName', 'statements']);
    const first = await page
      .locator('.cypher-table tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    expect(first).toEqual(['Antony Blinken', 'North Korean troops in Russia', '5']);
    await expect(page.locator('#cypher-status').textContent()).resolves.toMatch(
      /^\d+ rows in [\d.]+ ms\.$/,
    );
    expect(
      requests.every(
        (url) =>
          url.startsWith(server.origin) || url.startsWith('data:') || url.startsWith('blob:'),
      ),
    ).toBe(true);
    await page.screenshot({
      path: path.join(ARTIFACTS, 'cypher-console-table.png'),
      fullPage: true,
    });
  });

  it('draws the paths of a query as a graph, and colours it by community on request', async () => {
    await openConsole();
    await page.locator('#cypher-preset').selectOption('who-speaks-about');
    await expect(page.locator('#cypher-params').inputValue()).resolves.toBe('{"id":"north-korea"}');
    await page.locator('#cypher-run').click();
    await page.waitForFunction(() => {
      const cy = (globalThis as any).__cy;
      return cy && !cy.destroyed() && cy.nodes().length > 0 && cy.edges().length > 0;
    });
    const graph = await page.evaluate(() => {
      const cy = (globalThis as any).__cy;
      return { nodes: cy.nodes().map((n: any) => n.id()), edges: cy.edges().length };
    });
    expect(graph.nodes).toContain('north-korea');
    expect(graph.nodes).toContain('antony-blinken');
    expect(graph.edges).toBeGreaterThanOrEqual(13);
    await page.locator('#cypher-analytics').click();
    await page.waitForFunction(
      () => (globalThis as any).__cy.getElementById('north-korea').data('community') !== undefined,
    );
    await expect(page.locator('#cypher-graph-status').textContent()).resolves.toMatch(
      /^Coloured by community \(\d+ here\) and sized by PageRank/,
    );
    await page.screenshot({
      path: path.join(ARTIFACTS, 'cypher-console-graph.png'),
      fullPage: true,
    });
  });

  it('downloads the result as CSV', async () => {
    await openConsole();
    await setQuery('MATCH (p:Person) RETURN p.id AS id, p.name AS name ORDER BY id');
    await page.locator('#cypher-run').click();
    await page.locator('.cypher-table tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#cypher-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('cypher-result.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,name');
    expect(csv).toContain('antony-blinken,Antony Blinken');
  });

  it('shows the server refusing a write, and keeps the last query for the next visit', async () => {
    await openConsole();
    await setQuery('MATCH (n) DETACH DELETE n');
    await page.locator('#cypher-run').click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Only read-only queries are allowed here; this one uses DELETE. (CYPHER_NOT_READ_ONLY)',
    );
    // Chromium logs the expected 400 as a console error; only that one is allowed.
    expect(pageErrors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    pageErrors = [];
    await setQuery('MATCH (s:Source) RETURN s.title AS title');
    await page.locator('#cypher-run').click();
    await page.locator('.cypher-table tbody tr').first().waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Cypher console' }).waitFor();
    await expect(page.locator('#cypher-editor .cm-content').textContent()).resolves.toBe(
      'MATCH (s:Source) RETURN s.title AS title',
    );
  });
});
