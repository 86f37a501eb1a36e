/**
 * `npm run ingest:eval`: extracts the seed article and the fixture reports
 * from scratch and prints precision, recall and F1 per aspect, as Markdown.
 * `--verbose` also lists the statements missed and the spurious ones.
 */
import * as path from 'path';

import { formatTable, runEval } from '../src/ingest/eval';

const root = path.resolve(__dirname, '..');
const article = process.env.ARTICLE_PATH ?? path.resolve(root, '../shared/source/article.txt');
const run = runEval(root, article);
process.stdout.write(
  `## Seed article\n\n${formatTable([run.seed, run.seedEmptyGraph])}\n## Own reports\n\n${formatTable([...run.reports, run.reportsCombined])}`,
);
if (process.argv.includes('--verbose')) {
  for (const r of [run.seed, run.seedEmptyGraph, ...run.reports]) {
    if (r.missed.length + r.spurious.length === 0) continue;
    process.stdout.write(
      `\n${r.name}\n${r.missed.map((m) => `  missed   ${m}`).join('\n')}\n${r.spurious.map((m) => `  spurious ${m}`).join('\n')}\n`,
    );
  }
}
