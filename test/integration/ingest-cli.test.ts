/**
 * `npm run ingest`: a report file prints its plan as tables (or JSON) and is
 * committed unless --dry-run; the same file again is unchanged; a folder is
 * ingested file by file with a progress bar and a summary, and a bad file
 * makes the exit code 1 while the others still land. Runs the real CLI with
 * tsx against a throwaway embedded database, on the real report and on
 * generated reports of our own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReports } from '../../bench/report-corpus';

const ROOT = path.resolve(__dirname, '../..');
const ARTICLE = path.resolve(ROOT, '../shared/source/article.txt');

function ingest(args: string[], dbPath: string, env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_PATH: dbPath, ...env };
  delete childEnv.NEO4J_URI;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/ingest.ts'), ...args],
    {
      cwd: ROOT,
      env: childEnv,
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Nodes and relationships in the database, read with the cypher CLI. */
function counts(dbPath: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_PATH: dbPath };
  delete env.NEO4J_URI;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/cypher.ts'), 'MATCH (n) RETURN count(n) AS nodes'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return run.stdout.split('\n')[2]?.trim() ?? '';
}

jest.setTimeout(180_000);

describe('npm run ingest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-ingest-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the plan of the article as tables on --dry-run, and writes nothing', () => {
    const db = path.join(dir, 'dry.lbug');
    const run = ingest([ARTICLE, '--dry-run'], db);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Statements \(\d+\)\nid\s+kind\s+speaker\s+text\s+sentence\n-+/m);
    expect(run.stdout).toMatch(/^Mentions \(\d+\)$/m);
    expect(run.stdout).toMatch(/^Figures \(\d+\)$/m);
    expect(run.stdout).toMatch(/^\S+\s+QUOTE\s+/m);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`${ARTICLE}: dry run, nothing written.`);
    expect(counts(db)).toBe('0');
  });

  it('commits the article, and the same file again changes nothing and says so', () => {
    const db = path.join(dir, 'commit.lbug');
    const first = ingest([ARTICLE, '--published-at', '2024-11-01', '--publisher', 'Test Desk'], db);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /committed as us-officials-warn-of-escalating-tensions-[0-9a-f]{10}: \d+ statements, \d+ figures/,
    );
    const after = counts(db);
    const again = ingest([ARTICLE, '--json'], db);
    expect(again.code).toBe(0);
    const outcome = JSON.parse(again.stdout).outcome;
    expect(outcome).toMatchObject({ status: 'UNCHANGED', plan: null, counts: null });
    expect(outcome.warnings[0].code).toBe('ALREADY_INGESTED');
    expect(counts(db)).toBe(after);
  });

  it('ingests a folder file by file with a progress bar and a summary; a bad file fails alone with exit code 1', () => {
    const db = path.join(dir, 'folder.lbug');
    const folder = path.join(dir, 'reports');
    mkdirSync(folder);
    for (const r of generateReports(12)) writeFileSync(path.join(folder, r.name), r.text);
    writeFileSync(
      path.join(folder, 'report-00006.txt'),
      '<html><body><p>Markup, not a report.</p></body></html>',
    );
    writeFileSync(path.join(folder, 'empty.txt'), '   \n');
    const run = ingest([folder], db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[${'#'.repeat(30)}] 13/13 files, 2 failed`);
    expect(run.stderr).toContain(
      `failed: ${path.join(folder, 'report-00006.txt')}: input.text: looks like HTML`,
    );
    expect(run.stdout).toContain(
      `FAILED ${path.join(folder, 'empty.txt')}: input.text: must not be empty or only whitespace; paste the report's text.`,
    );
    expect(run.stdout).toMatch(
      /Ingested 13 files in [\d.]+ s \([\d.]+ reports\/s\): 11 committed, 0 unchanged, 0 dry runs, 2 failed\./,
    );
    const again = ingest([folder], db);
    expect(again.stdout).toMatch(/: 0 committed, 11 unchanged, 0 dry runs, 2 failed\./);
  });

  it('refuses a publishedAt that is not ISO-8601, and a report over INGEST_MAX_BYTES, with one line and exit code 1', () => {
    const db = path.join(dir, 'refused.lbug');
    const date = ingest([ARTICLE, '--published-at', 'last Thursday'], db);
    expect(date.code).toBe(1);
    expect(date.stderr.trim()).toBe(
      'ingest failed: --published-at: "last Thursday" is not an ISO-8601 date; use YYYY-MM-DD or a date-time with a zone such as 2024-11-01T09:30:00Z.',
    );
    const big = ingest([ARTICLE], db, { INGEST_MAX_BYTES: '1000' });
    expect(big.code).toBe(1);
    expect(big.stderr.trim()).toMatch(
      /^ingest failed: input\.text: is \d+ bytes; the limit is 1000 \(INGEST_MAX_BYTES\)\. Split the report or raise the limit\.$/,
    );
    expect(counts(db)).toBe('0');
  });
});
