/**
 * Re-renders the SVG charts of a results file: `tsx bench/render-charts.ts bench/results/<stamp>.json`.
 * Writes <stamp>-fanout.svg and <stamp>-growth.svg beside it and copies them to docs/.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CellResult } from './measure';
import { standardCharts } from './report';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/render-charts.ts bench/results/<stamp>.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as {
  cells: CellResult[];
  growth: CellResult[];
  loads: Array<{ scale: string; size: number }>;
  profile: { fanouts: number[] };
};
const charts = standardCharts(
  results.cells,
  results.growth,
  Object.fromEntries(results.loads.map((l) => [l.scale, l.size])),
  results.profile.fanouts,
);
const base = file.replace(/\.json$/, '');
const docs = path.resolve(__dirname, '../docs');
for (const [name, svg] of Object.entries(charts)) {
  writeFileSync(`${base}-${name}.svg`, svg);
  copyFileSync(`${base}-${name}.svg`, path.join(docs, `perf-${name}.svg`));
}
console.log(`rendered ${base}-{fanout,growth}.svg and copied them to docs/`);
