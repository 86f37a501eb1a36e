/** Reading Prometheus text in tests. */

/** Sums the samples of `name` whose labels include every pair in `labels`; NaN when there is none. */
export function metricSample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number {
  let total = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const pairs = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => pairs[k] === v)) {
      total += Number(match[3]);
      found = true;
    }
  }
  return found ? total : NaN;
}

/** GET /metrics of the server at `origin`, as text. */
export async function scrapeMetrics(origin: string): Promise<string> {
  const res = await fetch(`${origin}/metrics`);
  if (res.status !== 200) throw new Error(`GET ${origin}/metrics answered ${res.status}`);
  return res.text();
}
