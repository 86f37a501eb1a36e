/**
 * Generates and bulk-loads one scale, prints timings and peak RSS, exits.
 * `tsx bench/load-only.ts 1000000` checks whether scale L loads in reasonable time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applySchema, openGraph } from '../src/graph';
import { peakRssMb } from './measure';
import { bulkLoad, generateGraph } from './synthetic-graph';

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 1_000_000);
  const t0 = performance.now();
  const data = generateGraph(size, 42);
  const genMs = Math.round(performance.now() - t0);
  console.log(
    `generated ${data.nodes.length} nodes / ${data.rels.length} rels in ${genMs} ms; peak RSS ${peakRssMb()} MB`,
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-load-'));
  const graph = await openGraph({
    engine: 'embedded',
    path: path.join(dir, 'graph.lbug'),
    queryTimeoutMs: 600_000,
  });
  try {
    await applySchema(graph);
    const report = await bulkLoad(graph, data);
    console.log(JSON.stringify({ size, genMs, ...report, peakRssMb: peakRssMb() }));
  } finally {
    await graph.port.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
