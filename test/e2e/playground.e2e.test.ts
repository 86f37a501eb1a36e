/**
 * End-to-end tests of the GraphiQL playground: a real API server over the
 * seeded in-memory graph sends the bundled page to a browser at GET /graphql,
 * and headless Chromium (playwright-core, system browser) drives it with every
 * other origin cut off, as on a closed network.
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH); fails, rather than
 * skips, without it. jest's globalSetup builds web/playground/dist.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { buildPlaygroundIfNeeded } from '../helpers/playground-build';
import { startTestServer, type TestServer } from '../helpers/server-helper';

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const QUOTE = 'Putin is sending more Russians into a meat grinder';

jest.setTimeout(180_000);

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the page and its workers made, in order. */
let requests: string[] = [];
let pageErrors: string[] = [];

const foreign = () =>
  requests.filter((url) => !url.startsWith(server.origin) && !/^(data|blob):/.test(url));
/** What an editor shows, with Monaco's non-breaking spaces, wrap markers and line breaks as single spaces. */
const textOf = async (selector: string) =>
  (await page.locator(selector).innerText()).replace(/[\s\u00a0·]+/g, ' ');

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; the playground e2e tests need a real browser.`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  buildPlaygroundIfNeeded();
  server = await startTestServer();
  browser = await launchChromium();
}, 360_000); // a cold build of the bundle can take minutes on a busy machine

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  requests = [];
  pageErrors = [];
  // A fresh context per test: GraphiQL keeps tabs and open panes in localStorage.
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Record everything, and let nothing leave the server's origin: the page must work offline.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith(server.origin) ? route.continue() : route.abort('internetdisconnected');
  });
  page = await context.newPage();
  // Monaco and its workers start slowly on a loaded machine.
  page.setDefaultTimeout(90_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);
  await page.locator('.graphiql-container').waitFor();
  await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

describe('GraphiQL playground at GET /graphql', () => {
  it('loads with zero requests to other origins', async () => {
    // Let the schema load (introspection) and the workers start before counting.
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page
      .locator('.graphiql-doc-explorer')
      .getByText('Query', { exact: true })
      .first()
      .waitFor();
    await page.getByRole('button', { name: /Show GraphiQL Explorer/i }).click();
    await page.locator('.graphiql-explorer-root, .docExplorerWrap').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-home.png') });
    expect(requests.length).toBeGreaterThan(3);
    expect(
      requests.some((url) => url.startsWith(`${server.origin}/graphql/playground/assets/`)),
    ).toBe(true);
    expect(foreign()).toEqual([]);
    console.log(
      `playground page load: ${requests.length} requests, ${foreign().length} to other origins`,
    );
  });

  it('opens with the README example queries as tabs', async () => {
    const tabs = page.locator('.graphiql-tab');
    await expect(tabs.count()).resolves.toBeGreaterThanOrEqual(5);
    expect(await textOf('.graphiql-query-editor')).toMatch(
      /query AQuoteWordFor \{ statement\(id: "blinken-meat-grinder"\)/,
    );
    await expect(tabs.first().innerText()).resolves.toMatch(/AQuoteWordFor/);
  });

  it('runs a query typed into the editor and shows the meat-grinder quote', async () => {
    // Empty the editor first (retrying: on a loaded machine the first key presses can land before focus).
    for (
      let attempt = 0;
      attempt < 5 && (await textOf('.graphiql-query-editor .view-lines')).trim() !== '';
      attempt += 1
    ) {
      await page.locator('.graphiql-query-editor .view-lines').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
    }
    expect((await textOf('.graphiql-query-editor .view-lines')).trim()).toBe('');
    await page.keyboard.insertText(
      'query TypedHere { statement(id: "blinken-meat-grinder") { text speaker { ... on Person { name } } } }',
    );
    // GraphiQL takes the operation name from the editor after a short debounce; executing
    // before then sends the tab's previous name (AQuoteWordFor) with the new text, and the
    // server rightly answers 400. The tab title shows the name once GraphiQL has it.
    await page.locator('.graphiql-tab', { hasText: 'TypedHere' }).first().waitFor();
    await page.getByRole('button', { name: /Execute query/i }).click();
    await page
      .locator('.graphiql-response')
      .getByText('meat grinder', { exact: false })
      .first()
      .waitFor();
    const response = await textOf('.graphiql-response');
    expect(response).toContain(QUOTE);
    expect(response).toContain('Antony Blinken');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-query.png') });
    expect(foreign()).toEqual([]);
  });

  it('lists Statement in the docs pane', async () => {
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Statement', { exact: true }).first().waitFor();
    await docs.getByText('Statement', { exact: true }).first().click();
    await docs
      .getByText(/^One thing said by someone, as reported by a source/)
      .first()
      .waitFor();
  });

  it('has a headers editor for the bearer token', async () => {
    await page.getByText('Headers', { exact: true }).click();
    await page.locator('.graphiql-editor-tool .monaco-editor').last().waitFor();
    expect(await textOf('.graphiql-editor-tool')).toMatch(/Authorization/);
  });
});
