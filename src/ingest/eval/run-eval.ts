/**
 * Runs the eval over the seed article and the fixture reports. File access
 * lives here so that the comparison itself stays pure.
 */
import * as fs from 'fs';
import * as path from 'path';

import { extractReport } from '../extract/rule-based-extractor';
import { alignToKnown } from './align';
import { combine, evaluate, type EvalResult } from './evaluate';
import { goldFromFile, goldFromSeed, knownFromSeed, type GoldFile } from './gold';

export interface EvalRun {
  readonly seed: EvalResult;
  /** The seed article extracted into an empty graph, proposals matched to the seed's entities by name. */
  readonly seedEmptyGraph: EvalResult;
  readonly reports: EvalResult[];
  readonly reportsCombined: EvalResult;
}

/** Extracts every report from scratch (the seed's entities known, nothing else) and scores it. */
export function runEval(repoRoot: string, articlePath: string): EvalRun {
  const seed = JSON.parse(fs.readFileSync(path.join(repoRoot, 'seed/article.json'), 'utf8'));
  const evidence = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'test/fixtures/seed-article-evidence.json'), 'utf8'),
  ).evidence;
  const known = knownFromSeed(seed);
  const article = fs.readFileSync(articlePath, 'utf8');
  const seedGold = goldFromSeed(article, seed, evidence);
  const seedResult = evaluate(extractReport({ text: article }, known), seedGold);
  const seedEmptyGraph = evaluate(alignToKnown(extractReport({ text: article }, []), known), {
    ...seedGold,
    name: 'seed article, empty graph',
  });
  const dir = path.join(repoRoot, 'test/fixtures/reports');
  const reports = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const file = JSON.parse(
        fs.readFileSync(path.join(dir, `${name}.gold.json`), 'utf8'),
      ) as GoldFile;
      const gold = goldFromFile(name, text, file);
      return evaluate(extractReport({ text, publishedAt: gold.publishedAt }, known), gold);
    });
  return {
    seed: seedResult,
    seedEmptyGraph,
    reports,
    reportsCombined: combine('all own reports (micro-average)', reports),
  };
}
