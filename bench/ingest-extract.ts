/**
 * `npm run bench:ingest`: how long the rule-based extractor takes on a
 * report of about 1,000 words (goal: ≤ 100 ms per 1,000 words).
 *
 * The report is the six fixture reports (our own words) and the seed
 * article, read at run time, joined until it passes 1,000 words. The first
 * runs warm up the JIT and compromise's lexicon; the median of the timed
 * runs is reported, with p90 and the per-1,000-word figure.
 */
import * as fs from 'fs';
import * as path from 'path';

import { extractReport } from '../src/ingest';
import { knownFromSeed } from '../src/ingest/eval';

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'test/fixtures/reports');
const parts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const article = path.resolve(root, '../shared/source/article.txt');
if (fs.existsSync(article)) parts.unshift(fs.readFileSync(article, 'utf8'));
const countWords = (t: string) => t.split(/\s+/).filter(Boolean).length;
let text = '';
for (let i = 0; countWords(text) < 1000; i++) text += `${parts[i % parts.length]}\n\n`;
const words = countWords(text);
const known = knownFromSeed(
  JSON.parse(fs.readFileSync(path.join(root, 'seed/article.json'), 'utf8')),
);

const WARM_UP = 5;
const RUNS = Number(process.env.RUNS ?? 30);
const times: number[] = [];
let statements = 0;
for (let i = 0; i < WARM_UP + RUNS; i++) {
  const start = process.hrtime.bigint();
  const plan = extractReport({ text }, known);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  statements = plan.statements.length;
  if (i >= WARM_UP) times.push(ms);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p90 = times[Math.floor(times.length * 0.9)];
const per1000 = (median * 1000) / words;
console.log(
  `ingest extract: ${words} words, ${statements} statements, ${RUNS} runs: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, ${per1000.toFixed(1)} ms per 1,000 words (goal ≤ 100 ms) ${per1000 <= 100 ? 'MET' : 'NOT MET'}`,
);
