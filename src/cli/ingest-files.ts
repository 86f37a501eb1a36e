/**
 * Ingests report files one by one, each in its own transaction, so a file
 * that fails (bad input, a refused plan) is reported and the others still
 * land. Shared by `npm run ingest` and the ingest bench.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Graph, createQueries } from '../graph';
import type { Extractor, ReportInput } from '../ingest';
import { type IngestOutcome, ingestReport } from '../mutations';
import { failureLine } from './cli-graph';

/** Extensions read from a folder: plain-text reports. */
const REPORT_FILE = /\.(txt|text|md)$/i;

/** The report files a path names: the file itself, or a folder's text files in name order (not recursive). */
export function reportFiles(target: string): string[] {
  const stat = statSync(target);
  if (stat.isFile()) return [target];
  return readdirSync(target)
    .filter((name) => REPORT_FILE.test(name))
    .sort()
    .map((name) => path.join(target, name))
    .filter((file) => statSync(file).isFile());
}

export interface FileResult {
  readonly file: string;
  readonly outcome?: IngestOutcome;
  /** Why the file was not ingested. */
  readonly error?: string;
}

export interface IngestFilesOptions {
  readonly extractor: Extractor;
  readonly maxBytes: number;
  readonly dryRun: boolean;
  /** Metadata applied to every file; the title defaults to each report's heading. */
  readonly metadata?: Omit<ReportInput, 'text'>;
  /** Called after each file, for progress. */
  readonly onFile?: (result: FileResult, done: number, total: number) => void;
}

/**
 * Ingests `files` in order. Never throws: a file's problem (bad input, a
 * failed write) is returned as that file's `error`, and the next file goes on.
 */
export async function ingestFiles(
  graph: Graph,
  files: readonly string[],
  options: IngestFilesOptions,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const queries = createQueries(graph.port, graph.cypher);
  for (const file of files) {
    let result: FileResult;
    try {
      // Decoding replaces invalid UTF-8 with U+FFFD, which the input check refuses as binary.
      const text = readFileSync(file).toString('utf8');
      const outcome = await ingestReport(
        queries,
        { report: { ...options.metadata, text }, dryRun: options.dryRun },
        { extractor: options.extractor, maxBytes: options.maxBytes },
      );
      result = { file, outcome };
    } catch (error) {
      result = { file, error: failureLine(error) };
    }
    results.push(result);
    options.onFile?.(result, results.length, files.length);
  }
  return results;
}
