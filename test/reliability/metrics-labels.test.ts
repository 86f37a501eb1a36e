/**
 * /metrics stays small however many operation names clients invent. Each
 * distinct name used to be a new label value: 2,000 names took /metrics from
 * 60 KB to 8.6 MB, and 1,100 requests with 95 KB names made it answer 500.
 * Names are now cut to OPERATION_NAME_MAX_LENGTH and only the first
 * OPERATION_NAMES_MAX keep their own series; later ones count as `other`.
 *
 * CI sends 2,000 distinct names and 50 names of 95 KB; RELIABILITY_LONG=1
 * sends 10,000 and 1,100. The /metrics size after each is a figure.
 */
import { OPERATION_NAMES_MAX, OPERATION_NAME_MAX_LENGTH } from '../../src/server/metrics';
import { type TestServer, startTestServer } from '../helpers/server-helper';
import { envInt, figure, postRaw, printFigures } from './support';

const SUITE = 'metrics-labels';
const DISTINCT_NAMES = envInt('METRICS_DISTINCT_NAMES', 2_000, 10_000);
const LONG_NAMES = envInt('METRICS_LONG_NAMES', 50, 1_100);
const CLIENTS = 8;

/** Sends `count` operations named by `nameOf(i)`, `CLIENTS` at a time; every one must succeed. */
async function sendNamed(
  server: TestServer,
  count: number,
  nameOf: (i: number) => string,
): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < count) {
      const i = next++;
      const res = await postRaw(
        server.url,
        { query: `query ${nameOf(i)} { __typename }` },
        { timeoutMs: 30_000 },
      );
      expect(res.status).toBe(200);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
}

async function scrape(server: TestServer): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.origin}/metrics`);
  return { status: res.status, text: await res.text() };
}

/** The distinct values of the `operation` label in a scrape. */
function operationLabels(text: string): Set<string> {
  return new Set(
    [...text.matchAll(/^graphql_operation_duration_seconds_count\{operation="([^"]*)"/gm)].map(
      (m) => m[1] as string,
    ),
  );
}

describe('operation-name labels on /metrics are bounded', () => {
  let server: TestServer;
  const sizes: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    figure(SUITE, '/metrics size (bytes)', sizes);
    printFigures(SUITE);
    await server?.stop();
  });

  it(`cuts long names to ${OPERATION_NAME_MAX_LENGTH} characters and keeps answering (${LONG_NAMES} names of 95 KB)`, async () => {
    sizes.before = (await scrape(server)).text.length;
    const long = (i: number) => `L${i}_${'x'.repeat(95_000)}`;
    await sendNamed(server, LONG_NAMES, long);
    const after = await scrape(server);
    expect(after.status).toBe(200);
    sizes[`after ${LONG_NAMES} names of 95 KB`] = after.text.length;
    for (const label of operationLabels(after.text))
      expect(label.length).toBeLessThanOrEqual(OPERATION_NAME_MAX_LENGTH);
    expect(after.text.length).toBeLessThan(1_000_000);
  });

  it(`keeps at most ${OPERATION_NAMES_MAX} names and counts the rest as "other" (${DISTINCT_NAMES} distinct names)`, async () => {
    await sendNamed(server, DISTINCT_NAMES, (i) => `Op${i}`);
    const after = await scrape(server);
    expect(after.status).toBe(200);
    sizes[`after ${DISTINCT_NAMES} names`] = after.text.length;
    const labels = operationLabels(after.text);
    expect(labels.size).toBeLessThanOrEqual(OPERATION_NAMES_MAX + 1);
    expect(labels.has('other')).toBe(true);
    // Slots left by the long names (fewer than the bound in CI) go to the first of these.
    expect(labels.has('Op0')).toBe(LONG_NAMES < OPERATION_NAMES_MAX);
    const other = new RegExp(
      `^graphql_operation_duration_seconds_count\\{operation="other",type="query"\\} (\\d+)$`,
      'm',
    ).exec(after.text);
    // The first names took the free slots; every later one is counted under `other`.
    expect(Number(other?.[1])).toBeGreaterThanOrEqual(DISTINCT_NAMES - OPERATION_NAMES_MAX);
    // Bounded: 200 series of 16 lines, far below the 8.6 MB that 2,000 unbounded names produced.
    expect(after.text.length).toBeLessThan(1_000_000);
  });
});
