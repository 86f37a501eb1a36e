/**
 * Re-renders the SVG charts of a results file: `tsx bench/render-charts.ts bench/results/<stamp>.json`.
 * Writes <stamp>-fanout.svg, <stamp>-growth.svg and, when the run had the peer, <stamp>-peer.svg beside it and copies them to docs/.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CellResult } from './measure';
import type { PeerRun } from './peer/run-peer';
import { peerCharts, standardCharts } from './report';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/render-charts.ts bench/results/<stamp>.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as {
  cells: CellResult[];
  growth: CellResult[];
  loads: Array<{ scale: string; size: number }>;
  profile: { fanouts: number[] };
  /** Absent in results from before the peer existed. */
  peer?: PeerRun[];
};
const sizes = Object.fromEntries(results.loads.map((l) => [l.scale, l.size]));
// An --only-peer run has no in-process cells: leave the published fan-out and growth charts alone.
const charts: Record<string, string> = results.cells.length
  ? standardCharts(results.cells, results.growth, sizes, results.profile.fanouts)
  : {};
if (results.peer?.length) charts.peer = peerCharts(results.peer, sizes);
const base = file.replace(/\.json$/, '');
const docs = path.resolve(__dirname, '../docs');
for (const [name, svg] of Object.entries(charts)) {
  writeFileSync(`${base}-${name}.svg`, svg);
  copyFileSync(`${base}-${name}.svg`, path.join(docs, `perf-${name}.svg`));
}
console.log(`rendered ${base}-{${Object.keys(charts).join(',')}}.svg and copied them to docs/`);
