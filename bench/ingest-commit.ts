/**
 * Ingest bench: `npm run bench:ingest-commit [-- --reports=1000 --reps=7]`.
 *
 * 1. A ~1,000-word report (bench/report-corpus.ts): extraction time, and the
 *    commit of its plan on the embedded engine (a fresh seeded graph per
 *    repetition), with the number of graph queries a commit issues.
 * 2. Folder ingest end to end (read file, check, extract, commit) of a
 *    generated corpus into a file-backed embedded graph, in reports per
 *    second; then the same folder again, where every report is UNCHANGED.
 * Prints a Markdown table and writes it to bench/results/<timestamp>-ingest.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestFiles, reportFiles } from '../src/cli/ingest-files';
import { createQueries, openGraph } from '../src/graph';
import { DEFAULT_INGEST_MAX_BYTES, checkReport, defaultExtractor } from '../src/ingest';
import { ingestReport } from '../src/mutations';
import { loadSeed } from '../src/seed/load-seed';
import { generateLongReport, generateReports } from './report-corpus';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const REPORTS = option('reports', 1000);
const REPS = option('reps', 7);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const extractor = defaultExtractor();
  if (!extractor) throw new Error('No extractor is available in this build.');
  const rows: Array<[string, string, string]> = [];

  // 1. One ~1,000-word report.
  const text = generateLongReport(1000);
  const words = text.split(/\s+/).filter(Boolean).length;
  const report = checkReport({ text }, { maxBytes: DEFAULT_INGEST_MAX_BYTES });
  const probe = await openGraph({ engine: 'embedded', path: ':memory:' });
  await loadSeed(probe);
  const known = await createQueries(probe.port, probe.cypher).knownEntities();
  await probe.port.close();
  const extractMs: number[] = [];
  let plan = extractor.extract(report, known);
  for (let i = 0; i < Math.max(REPS * 3, 20); i++) {
    const t = performance.now();
    plan = extractor.extract(report, known);
    extractMs.push(performance.now() - t);
  }
  rows.push([
    `extraction, ${words} words`,
    ms(median(extractMs)),
    `${plan.statements.length} statements, ${plan.entities.length} mentions, ${plan.figures.length} figures`,
  ]);

  const commitMs: number[] = [];
  let queries = 0;
  for (let i = 0; i < REPS; i++) {
    const graph = await openGraph({ engine: 'embedded', path: ':memory:' });
    await loadSeed(graph);
    const before = graph.port.stats.total();
    const t = performance.now();
    const outcome = await ingestReport(
      createQueries(graph.port, graph.cypher),
      { report: { text }, dryRun: false },
      { extractor, maxBytes: DEFAULT_INGEST_MAX_BYTES },
    );
    commitMs.push(performance.now() - t);
    queries = graph.port.stats.total() - before;
    if (outcome.status !== 'COMMITTED')
      throw new Error(`Expected a commit, got ${outcome.status}.`);
    await graph.port.close();
  }
  rows.push([
    `commit (check, extract, write in one transaction), ${words} words`,
    ms(median(commitMs)),
    `${queries} graph queries, median of ${REPS}`,
  ]);

  // 2. Folder ingest end to end.
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-ingest-bench-'));
  try {
    const folder = path.join(dir, 'reports');
    mkdirSync(folder);
    const corpus = generateReports(REPORTS);
    for (const r of corpus) writeFileSync(path.join(folder, r.name), r.text);
    const corpusWords = corpus.reduce((n, r) => n + r.text.split(/\s+/).filter(Boolean).length, 0);
    const graph = await openGraph({ engine: 'embedded', path: path.join(dir, 'graph.lbug') });
    try {
      const files = reportFiles(folder);
      for (const [label, expected] of [
        ['first pass', 'COMMITTED'],
        ['second pass (same texts)', 'UNCHANGED'],
      ] as const) {
        const t = performance.now();
        const results = await ingestFiles(graph, files, {
          extractor,
          maxBytes: DEFAULT_INGEST_MAX_BYTES,
          dryRun: false,
        });
        const seconds = (performance.now() - t) / 1000;
        const wrong = results.filter((r) => r.outcome?.status !== expected);
        if (wrong.length > 0)
          throw new Error(
            `${wrong.length} reports were not ${expected}: ${wrong[0]?.error ?? wrong[0]?.outcome?.status}`,
          );
        rows.push([
          `folder ingest, ${files.length} reports (${Math.round(corpusWords / files.length)} words each), ${label}`,
          `${(files.length / seconds).toFixed(1)} reports/s`,
          `${seconds.toFixed(1)} s in all, ${ms((seconds * 1000) / files.length)} a report`,
        ]);
      }
    } finally {
      await graph.port.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const table = [
    '| measurement | result | notes |',
    '|---|---:|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  console.log(table);
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*/, 'Z');
  mkdirSync(path.resolve(__dirname, 'results'), { recursive: true });
  const out = path.resolve(__dirname, 'results', `${stamp}-ingest.md`);
  writeFileSync(
    out,
    `# Ingest bench, ${stamp}\n\n\`npm run bench:ingest-commit -- --reports=${REPORTS} --reps=${REPS}\`\n\n${table}\n`,
  );
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
