/**
 * The eval, run on the real report: asserts the targets the extractor meets
 * (docs/ingest.md lists the figures, including those it does not meet).
 */
import { runEval } from '../../../src/ingest/eval';
import { ARTICLE_PATH, REPO_ROOT } from './helpers';

describe('the ingest eval on the seed article', () => {
  const run = runEval(REPO_ROOT, ARTICLE_PATH);

  it('finds every direct quote with its exact words', () => {
    expect(run.seed.quoteText.recall).toBe(1);
    expect(run.seed.quoteText.precision).toBe(1);
  });

  it('gives quotes their speakers with precision ≥ 95% and recall ≥ 90%', () => {
    expect(run.seed.quoteSpeaker.precision).toBeGreaterThanOrEqual(0.95);
    expect(run.seed.quoteSpeaker.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds at least 90% of the statements, matched by sentence and speaker', () => {
    expect(run.seed.statements.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('gets every figure with value, unit, qualifier and scope', () => {
    expect(run.seed.figures.recall).toBe(1);
  });

  it('resolves the entity mentions of each statement with F1 ≥ 0.85', () => {
    expect(run.seed.mentions.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('invents no dates', () => {
    expect(run.seed.inventedDates).toBe(0);
  });

  it('resolves the entity mentions with F1 ≥ 0.85 when the graph starts empty', () => {
    expect(run.seedEmptyGraph.mentions.f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the ingest eval on the fixture reports', () => {
  const run = runEval(REPO_ROOT, ARTICLE_PATH);

  it('scores all six reports', () => {
    expect(run.reports.map((r) => r.name)).toEqual([
      'disagreeing-figures',
      'nested-split-quotes',
      'press-briefing',
      'pronoun-speakers',
      'unnamed-speakers',
      'wire-copy',
    ]);
  });

  it('gives quotes their speakers with precision ≥ 90%', () => {
    expect(run.reportsCombined.quoteSpeaker.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('invents no dates', () => {
    expect(run.reportsCombined.inventedDates).toBe(0);
  });
});
