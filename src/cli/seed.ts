/**
 * `npm run seed`: applies the schema (once), loads `seed/article.json` (idempotent:
 * loading twice changes nothing) and prints the counts per label and type.
 */
import path from 'node:path';
import { loadConfig } from '../config/config';
import { describeGraphConfig, ensureSchema } from '../graph';
import { bumpSharedGraphVersion } from '../server/response-cache';
import { ARTICLE_SEED, countGraph, loadSeed, readSeed } from '../seed/load-seed';
import { runWithGraph } from './cli-graph';

function printCounts(title: string, counts: Record<string, number>): void {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = Math.max(0, ...entries.map(([name]) => name.length));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  console.log(`${title}: ${total}`);
  for (const [name, n] of entries) console.log(`  ${name.padEnd(width)}  ${String(n).padStart(5)}`);
}

void runWithGraph('seed', async (graph, config) => {
  const started = performance.now();
  console.log(`Seeding the ${describeGraphConfig(config)}`);
  // Engines that apply their schema on open have it already; the others get it now.
  const applied = await ensureSchema(graph);
  if (applied > 0) console.log(`Applied ${applied} schema statements.`);
  console.log(`Loading ${path.relative(process.cwd(), ARTICLE_SEED)}`);
  const summary = await loadSeed(graph, readSeed(), (message) => console.log(message));
  // Running servers share cached responses through Redis: move the shared version on so that none
  // serves a response from before the seed. (Without Redis only the embedded engine caches by default,
  // and its database is locked to the server, so this tool cannot run beside one.)
  const { redisUrl } = loadConfig().responseCache;
  if (redisUrl) await bumpSharedGraphVersion(redisUrl);
  const ms = Math.round(performance.now() - started);
  console.log(
    `Loaded ${summary.nodes} nodes and ${summary.relationships} relationships in ${ms} ms.`,
  );
  const counts = await countGraph(graph);
  printCounts('Nodes in the graph', counts.labels);
  printCounts('Relationships in the graph', counts.types);
});
