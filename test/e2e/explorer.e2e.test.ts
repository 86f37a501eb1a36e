/**
 * End-to-end tests of the graph explorer page (web/): a real API server over
 * the seeded in-memory graph serves the built page at /explorer, and headless
 * Chromium (playwright-core, system browser) drives it.
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH); fails, rather than
 * skips, without it. Builds web/dist first when it is missing or older than
 * the sources. Screenshots go to test/artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { buildPageIfNeeded } from '../helpers/page-build';
import { startTestServer, type TestServer } from '../helpers/server-helper';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test/artifacts');
const SOURCE_TITLE =
  'US Officials Warn of Escalating Tensions as North Korean Troops Prepare for Combat';

jest.setTimeout(60_000);

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

const explorer = (hash = '') => `${server.origin}/explorer/${hash}`;
const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** Waits until the Cytoscape graph has nodes and has painted something on its canvas. */
async function waitForGraph(): Promise<number> {
  await page.waitForFunction(() => {
    const cy = (globalThis as any).__cy;
    return cy && !cy.destroyed() && cy.nodes().length > 0;
  });
  await page.waitForFunction(() => {
    const canvases = Array.from(
      (globalThis as any).document.querySelectorAll('#cy canvas'),
    ) as any[];
    return canvases.some((canvas) => {
      if (!canvas.width || !canvas.height) return false;
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
      return false;
    });
  });
  return page.evaluate(() => (globalThis as any).__cy.nodes().length as number);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; the explorer e2e tests need a real browser.`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildPageIfNeeded();
  server = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 120_000); // a cold build of the page can take a while on a busy machine

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

describe('graph explorer', () => {
  it('is served at /explorer with bundled assets only', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(explorer());
    await page.getByRole('heading', { name: 'Who said what about whom' }).waitFor();
    await page.locator('.top-mentioned ol.ranking li').first().waitFor();
    expect(requests.every((url) => url.startsWith(server.origin) || url.startsWith('data:'))).toBe(
      true,
    );
    await shot('explorer-home');
  });

  it('searches for Blinken with the keyboard and shows his meat-grinder quote with its source', async () => {
    await page.goto(explorer());
    const input = page.getByRole('combobox', { name: 'Search the graph' });
    await input.fill('Blinken');
    const listbox = page.getByRole('listbox', { name: 'Search results' });
    await listbox.getByRole('option', { name: /Antony Blinken/ }).waitFor();
    await shot('explorer-search');
    // The best match comes first: ArrowDown makes it active, Enter opens it.
    await input.press('ArrowDown');
    expect(await page.locator('#search-results [aria-selected="true"]').textContent()).toContain(
      'Antony Blinken',
    );
    await input.press('Enter');
    await page.waitForURL(/#\/entity\/antony-blinken$/);
    await page.getByRole('heading', { level: 1, name: 'Antony Blinken' }).waitFor();

    const quote = page.locator(
      '#section-made li.statement[data-statement-id="blinken-meat-grinder"]',
    );
    await quote.waitFor();
    const text = await quote.innerText();
    expect(text).toContain('meat grinder of his own making');
    expect(text).toMatch(/quote/i);
    expect(text).toContain(SOURCE_TITLE);
    expect(await quote.evaluate((el) => el.className)).toContain('statement--QUOTE');
    await waitForGraph();
    await shot('explorer-entity-blinken');
  });

  it("opens a statement found by search on its speaker's page, scrolled to it", async () => {
    await page.goto(explorer());
    const input = page.getByRole('combobox', { name: 'Search the graph' });
    await input.fill('meat grinder');
    await page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Blinken on the meat grinder/ })
      .click();
    await page.waitForURL(/#\/entity\/antony-blinken\/statement\/blinken-meat-grinder$/);
    const focused = page.locator('li.statement.statement--focus');
    await focused.waitFor();
    expect(await focused.getAttribute('data-statement-id')).toBe('blinken-meat-grinder');
  });

  it('shows both troop estimates side by side with who gave them', async () => {
    await page.goto(explorer('?id=north-korean-troops-in-russia'));
    await page.waitForURL(/#\/entity\/north-korean-troops-in-russia$/);
    await page.getByRole('heading', { level: 1, name: 'North Korean troops in Russia' }).waitFor();
    const estimates = page.locator('#section-estimates li.estimate');
    await estimates.first().waitFor();
    const texts = await estimates.allInnerTexts();
    const tenThousand = texts.find((t) => t.includes('10,000'));
    const eightThousand = texts.find((t) => t.includes('8,000'));
    expect(tenThousand).toMatch(/According to[\s\S]*Antony Blinken/);
    expect(eightThousand).toMatch(/According to[\s\S]*(Antony Blinken|United States)/);
    // Side by side: the two cards share a row at desktop width.
    const boxes = await Promise.all([0, 1].map((i) => estimates.nth(i).boundingBox()));
    expect(Math.abs((boxes[0]?.y ?? 0) - (boxes[1]?.y ?? 1))).toBeLessThan(2);
    await waitForGraph();
    await shot('explorer-entity-troops');
  });

  it('draws the neighbourhood graph, grows it to 2 hops, and opens a node on click', async () => {
    await page.goto(explorer('#/entity/antony-blinken'));
    const oneHop = await waitForGraph();
    expect(oneHop).toBeGreaterThan(1);
    expect(await page.evaluate(() => (globalThis as any).__cy.$('node.centre').id())).toBe(
      'antony-blinken',
    );

    await page.getByRole('radio', { name: '2 hops' }).check();
    await page.waitForFunction((n) => {
      const cy = (globalThis as any).__cy;
      return cy && !cy.destroyed() && cy.nodes().length > n;
    }, oneHop);
    await waitForGraph();
    await shot('explorer-graph-2-hops');

    // Click North Korea where Cytoscape drew it.
    const box = await page.locator('#cy').boundingBox();
    const at = await page.evaluate(() => {
      const cy = (globalThis as any).__cy;
      const node = cy.$id('north-korea');
      return node.nonempty() ? node.renderedPosition() : null;
    });
    expect(box).not.toBeNull();
    expect(at).not.toBeNull();
    await page.mouse.click(box!.x + at!.x, box!.y + at!.y);
    await page.waitForURL(/#\/entity\/north-korea$/);
    await page.getByRole('heading', { level: 1, name: 'North Korea' }).waitFor();
    expect(await waitForGraph()).toBeGreaterThan(1);
    expect(await page.evaluate(() => (globalThis as any).__cy.$('node.centre').id())).toBe(
      'north-korea',
    );

    // Hedged claims carry their hedge and look different from quotes and paraphrases.
    const hedged = page.locator(
      '#section-mentioned li.statement[data-statement-id="experts-icbm-progress"]',
    );
    expect(await hedged.getAttribute('class')).toContain('statement--HEDGED_CLAIM');
    expect(await hedged.innerText()).toMatch(/hedged claim[\s\S]*experts believe/i);
    await shot('explorer-entity-north-korea');
  });

  it('shows how Zelenskyy and North Korea are connected as a highlighted chain', async () => {
    await page.goto(explorer('#/path/volodymyr-zelenskyy/north-korea'));
    const chain = page.getByRole('list', { name: /Path from Volodymyr Zelenskyy to North Korea/ });
    await chain.waitFor();
    const nodes = chain.locator('li.path-node');
    expect(await nodes.count()).toBeGreaterThanOrEqual(2);
    expect(await nodes.first().getAttribute('data-node-id')).toBe('volodymyr-zelenskyy');
    expect(await nodes.last().getAttribute('data-node-id')).toBe('north-korea');
    expect(await chain.locator('li.path-edge').count()).toBe((await nodes.count()) - 1);
    expect(await page.getByRole('combobox', { name: 'From' }).inputValue()).toBe(
      'Volodymyr Zelenskyy',
    );
    await waitForGraph();
    await shot('explorer-path');
  });

  it('picks two entities in the connection form and updates the URL', async () => {
    await page.goto(explorer('#/path'));
    for (const [label, text, name] of [
      ['From', 'Zelensk', 'Volodymyr Zelenskyy'],
      ['To', 'North Korea', 'North Korea'],
    ] as const) {
      const input = page.getByRole('combobox', { name: label });
      await input.fill(text);
      await page
        .getByRole('listbox', { name: `${label} suggestions` })
        .getByRole('option', { name: new RegExp(name) })
        .first()
        .waitFor();
      await input.press('Enter');
    }
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.waitForURL(/#\/path\/volodymyr-zelenskyy\/north-korea$/);
    await page.locator('ol.path-chain').waitFor();
  });

  it('shows a friendly not-found page for an unknown id', async () => {
    await page.goto(explorer('#/entity/no-such-entity'));
    const notFound = page.getByTestId('not-found');
    await notFound.waitFor();
    expect(await notFound.innerText()).toContain('no-such-entity');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Nothing here by that name',
    );
    await shot('explorer-not-found');
  });

  it('shows an error with a retry button when the API fails, and recovers', async () => {
    let fail = true;
    await page.route('**/graphql', (route) =>
      fail
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({
              errors: [
                {
                  message: 'The graph database cannot be reached; retry later.',
                  extensions: { code: 'SERVICE_UNAVAILABLE' },
                },
              ],
            }),
          })
        : route.continue(),
    );
    await page.goto(explorer('#/entity/north-korea'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('cannot be reached');
    await shot('explorer-error');
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'North Korea' }).waitFor();
    // The browser logs the 503 responses; they are expected here.
    pageErrors = pageErrors.filter((message) => !message.includes('503'));
  });

  it('fits a 390px-wide phone screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 1,
    });
    const mobile = await phone.newPage();
    try {
      await mobile.goto(explorer('#/entity/north-korean-troops-in-russia'));
      await mobile
        .getByRole('heading', { level: 1, name: 'North Korean troops in Russia' })
        .waitFor();
      await mobile.locator('#section-estimates li.estimate').first().waitFor();
      await mobile.waitForFunction(() => {
        const cy = (globalThis as any).__cy;
        return cy && cy.nodes().length > 0;
      });
      const overflow = await mobile.evaluate(() => {
        const doc = (globalThis as any).document.documentElement;
        return doc.scrollWidth - doc.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await mobile.screenshot({
        path: path.join(ARTIFACTS, 'explorer-mobile-390.png'),
        fullPage: true,
      });
      await mobile.locator('#section-graph').scrollIntoViewIfNeeded();
      await mobile.screenshot({ path: path.join(ARTIFACTS, 'explorer-mobile-390-graph.png') });
      await mobile.evaluate(() => (globalThis as any).scrollTo(0, 0));
      await mobile.getByRole('combobox', { name: 'Search the graph' }).fill('korea');
      await mobile
        .getByRole('listbox', { name: 'Search results' })
        .getByRole('option')
        .first()
        .waitFor();
      await mobile.screenshot({ path: path.join(ARTIFACTS, 'explorer-mobile-390-search.png') });
    } finally {
      await phone.close();
    }
  });
});
