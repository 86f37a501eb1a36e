/**
 * `npm run ingest -- <file|folder> [--title …] [--publisher …] [--url …] [--published-at …] [--dry-run] [--json]`
 *
 * Reads a report (or every .txt/.md file of a folder, in name order), prints
 * its plan as tables (or, with --json, the outcome as JSON) and commits it
 * unless --dry-run. A folder is ingested file by file, each in its own
 * transaction, with a progress bar on stderr and a summary; the exit code is 1
 * when any file failed, while the others still land.
 */
import { loadConfig } from '../config/config';
import { checkIsoDateTime, defaultExtractor } from '../ingest';
import { failureLine, runWithGraph } from './cli-graph';
import { type FileResult, ingestFiles, reportFiles } from './ingest-files';
import { outcomeLine, planTables, progressBar } from './ingest-output';

const USAGE =
  'usage: npm run ingest -- <file|folder> [--title …] [--publisher …] [--url …] [--published-at YYYY-MM-DD] [--dry-run] [--json]';

interface Invocation {
  readonly target: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly dryRun: boolean;
  readonly json: boolean;
}

const VALUE_OPTIONS = {
  '--title': 'title',
  '--publisher': 'publisher',
  '--url': 'url',
  '--published-at': 'publishedAt',
} as const;

function parseArgs(args: readonly string[]): Invocation {
  const values: Partial<Record<(typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS], string>> = {};
  const positional: string[] = [];
  let dryRun = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--json') json = true;
    else if (flag in VALUE_OPTIONS) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--'))
        throw new Error(`${flag} needs a value. ${USAGE}`);
      values[VALUE_OPTIONS[flag as keyof typeof VALUE_OPTIONS]] = value;
    } else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}. ${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new Error(USAGE);
  if (values.publishedAt !== undefined) checkIsoDateTime('--published-at', values.publishedAt);
  return { target: positional[0] as string, ...values, dryRun, json };
}

function printSummary(results: readonly FileResult[], seconds: number): void {
  const count = (status: string) => results.filter((r) => r.outcome?.status === status).length;
  const failed = results.filter((r) => r.error);
  for (const f of failed) console.log(`FAILED ${f.file}: ${f.error}`);
  console.log(
    `Ingested ${results.length} files in ${seconds.toFixed(1)} s (${(results.length / Math.max(seconds, 1e-9)).toFixed(1)} reports/s): ` +
      `${count('COMMITTED')} committed, ${count('UNCHANGED')} unchanged, ${count('DRY_RUN')} dry runs, ${failed.length} failed.`,
  );
}

async function main(): Promise<void> {
  let invocation: Invocation;
  let files: string[];
  try {
    invocation = parseArgs(process.argv.slice(2));
    files = reportFiles(invocation.target);
    if (files.length === 0) throw new Error(`${invocation.target} holds no .txt or .md file.`);
  } catch (error) {
    console.error(`ingest failed: ${failureLine(error)}`);
    process.exitCode = 1;
    return;
  }
  const { dryRun, json, target: _target, ...metadata } = invocation;
  const folder = files.length > 1 || files[0] !== invocation.target;
  await runWithGraph('ingest', async (graph) => {
    const extractor = defaultExtractor();
    if (!extractor) throw new Error('No extractor is available in this build.');
    const started = performance.now();
    const tty = process.stderr.isTTY === true;
    let lastStep = -1;
    let failedSoFar = 0;
    const results = await ingestFiles(graph, files, {
      extractor,
      maxBytes: loadConfig().ingestMaxBytes,
      dryRun,
      metadata: folder ? { ...metadata, title: undefined } : metadata,
      onFile: (result, done, total) => {
        if (!folder) return;
        if (result.error) failedSoFar++;
        // On a terminal the bar redraws in place; in a log, it is printed at every tenth.
        const step = Math.floor((done / total) * 10);
        if (tty) process.stderr.write(`\r${progressBar(done, total, failedSoFar)}`);
        else if (step !== lastStep || done === total) {
          lastStep = step;
          process.stderr.write(`${progressBar(done, total, failedSoFar)}\n`);
        }
        if (result.error)
          process.stderr.write(`${tty ? '\n' : ''}failed: ${result.file}: ${result.error}\n`);
      },
    });
    if (tty && folder) process.stderr.write('\n');
    if (json) console.log(JSON.stringify(folder ? results : results[0], null, 2));
    else if (!folder) {
      const [only] = results;
      if (only?.outcome?.plan) console.log(`${planTables(only.outcome.plan)}\n`);
      for (const w of only?.outcome?.warnings ?? []) console.log(`${w.code}: ${w.message}`);
      if (only?.outcome) console.log(outcomeLine(only.file, only.outcome));
    } else {
      for (const r of results) if (r.outcome) console.log(outcomeLine(r.file, r.outcome));
    }
    const failed = results.filter((r) => r.error);
    if (folder && !json) printSummary(results, (performance.now() - started) / 1000);
    if (failed.length > 0) {
      if (!folder) console.error(`ingest failed: ${failed[0]?.error}`);
      process.exitCode = 1;
    }
  });
}

void main();
