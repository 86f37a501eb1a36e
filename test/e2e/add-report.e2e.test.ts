/**
 * End-to-end test of the explorer's "Add a report" page: the API token is
 * entered once per browser session, a pasted report comes back as a plan
 * beside its highlighted text, the reviewer changes a match and drops an
 * item, commits, and lands on the new source's page. A real API server over
 * the seeded in-memory graph, driven by headless Chromium (playwright-core,
 * Debian's /usr/bin/chromium or CHROMIUM_PATH).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../helpers/browser';
import { buildPageIfNeeded } from '../helpers/page-build';
import { TEST_TOKEN, type TestServer, startTestServer } from '../helpers/server-helper';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test/artifacts');

/** A short report of our own; the seeded graph knows Blinken, Russia and North Korea, not Mara Voss. */
const REPORT = [
  'Envoy Warns of Longer Deployment',
  '',
  'Antony Blinken said that “the troops must leave Russia soon”.',
  'Around 3,000 troops remain in Russia, the report says.',
  'Envoy Mara Voss said Pyongyang would not comment.',
].join('\n');

jest.setTimeout(90_000);

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const STATS = '{ graphStats { nodes relationships byLabel { name count } } }';
const personCount = async () =>
  (await server.post(STATS)).body.data.graphStats.byLabel.find((l: any) => l.name === 'Person')
    .count;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildPageIfNeeded();
  server = await startTestServer();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Add a report', () => {
  it('asks for the API token once per session and keeps it in sessionStorage only', async () => {
    await page.goto(`${server.origin}/explorer/#/add-report`);
    await page.getByRole('heading', { name: 'Add a report' }).waitFor();
    await page.getByLabel(/API token/).fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.locator('#token-set').waitFor();
    expect(
      await page.evaluate(() => [
        (globalThis as any).sessionStorage.getItem('kg-api-token'),
        (globalThis as any).localStorage.length,
      ]),
    ).toEqual([TEST_TOKEN, 0]);
    await page.reload();
    await page.locator('#token-set').waitFor();
    expect(page.url()).not.toContain(TEST_TOKEN);
  });

  it('shows the plan beside the text with quotes, speakers and mentions highlighted; corrections and commit land on the source page', async () => {
    const personsBefore = await personCount();
    await page.goto(`${server.origin}/explorer/#/add-report`);
    await page.getByLabel('Text').fill(REPORT);
    await page.getByLabel('Publisher').fill('Our Desk');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.locator('#plan').waitFor();

    // The text, marked: the quoted words, the speaker, and a metonym resolved to its state.
    const text = page.locator('.report-text');
    expect(await text.innerText()).toBe(REPORT);
    // Statement spans are cut where mentions start and end; their pieces read as the statement.
    const statementWords = await page.evaluate(() =>
      Array.from(
        (globalThis as any).document.querySelectorAll(
          '.report-text mark.hl-quote, .report-text mark.hl-claim',
        ),
        (m: any) => m.textContent,
      ).join(''),
    );
    expect(statementWords).toContain('the troops must leave Russia soon');
    expect(await text.locator('mark.hl-speaker', { hasText: 'Antony Blinken' }).count()).toBe(1);
    expect(
      await text.locator('mark.hl-mention', { hasText: 'Pyongyang' }).getAttribute('title'),
    ).toContain('North Korea');
    expect(await page.locator('#plan li[data-statement]').count()).toBe(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'add-report-plan.png'), fullPage: true });
    expect(await personCount()).toBe(personsBefore);

    // Change a match (Mara Voss is the seed's unnamed envoy), drop a bogus proposal, review again.
    await page
      .locator('#plan li[data-match]', { hasText: 'Mara Voss' })
      .locator('input[data-remap]')
      .fill('unnamed-us-envoy');
    const bogus = page.locator('#plan li[data-proposed]', { hasText: 'Around' });
    if ((await bogus.count()) > 0) await bogus.locator('input[data-drop]').check();
    await page.getByRole('button', { name: 'Review again with my changes' }).click();
    await page
      .locator('#plan li[data-match]', { hasText: 'Mara Voss' })
      .getByRole('link', { name: 'Unnamed U.S. envoy' })
      .waitFor();
    expect(await page.locator('#plan li[data-proposed]').count()).toBe(0);

    // The corrections stay in the form, and the commit sends them again (the dropped proposal is no longer listed).
    expect(
      await page
        .locator('#plan li[data-match]', { hasText: 'Mara Voss' })
        .locator('input[data-remap]')
        .inputValue(),
    ).toBe('unnamed-us-envoy');
    await page.getByRole('button', { name: 'Commit to the graph' }).click();
    await page.waitForURL(/#\/source\//);
    await page.getByRole('heading', { name: 'Envoy Warns of Longer Deployment' }).waitFor();
    const statements = page.locator('.source-page li[data-statement]');
    expect(await statements.count()).toBe(3);
    await statements
      .filter({ hasText: 'Pyongyang would not comment' })
      .getByRole('link', { name: 'Unnamed U.S. envoy' })
      .waitFor();
    expect(await page.locator('.source-page .evidence').first().innerText()).toContain(
      'Antony Blinken said that',
    );
    expect(await page.locator('.source-page').innerText()).toContain('Our Desk');
    await page.screenshot({ path: path.join(ARTIFACTS, 'add-report-source.png'), fullPage: true });
    // No person was created: Mara Voss was mapped to an existing one.
    expect(await personCount()).toBe(personsBefore);
  });

  it('shows a bad report as a clear error, and writes nothing', async () => {
    const before = (await server.post(STATS)).body.data.graphStats;
    await page.goto(`${server.origin}/explorer/#/add-report`);
    await page.getByLabel('Text').fill('<p>Not plain text</p>');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/looks like HTML/)
      .waitFor();
    expect((await server.post(STATS)).body.data.graphStats).toEqual(before);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
