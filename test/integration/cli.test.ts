import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs one CLI entry point with tsx against a throwaway embedded database. */
function cli(
  tool: 'seed' | 'cypher' | 'schema-apply' | 'backup' | 'restore',
  args: string[],
  dbPath: string,
) {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_PATH: dbPath };
  delete env.NEO4J_URI;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli', `${tool}.ts`), ...args],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('command-line tools', () => {
  let dir: string;
  let dbPath: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-cli-'));
    dbPath = path.join(dir, 'graph.lbug');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seed loads the article and prints its counts, and a second run changes nothing', () => {
    const first = cli('seed', [], dbPath);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Loaded 57 nodes and 168 relationships');
    expect(first.stdout).toMatch(/Nodes in the graph: 57/);
    const second = cli('seed', [], dbPath);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Nodes in the graph: 57/);
    expect(second.stdout).toMatch(/Relationships in the graph: 168/);
  });

  it('schema:apply reports how many statements it applied', () => {
    const run = cli('schema-apply', [], dbPath);
    expect(run.code).toBe(0);
    // 24 tables, then the columns older databases gain: 5 of REPORTED_IN's per-report evidence, externalIds on the 6 entity tables.
    expect(run.stdout).toContain('Applied 35 schema statements.');
  });

  it('cypher prints an analytics file as a table', () => {
    const run = cli('cypher', ['cypher/analytics/most-mentioned.cypher'], dbPath);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+mentions$/);
    expect(run.stdout).toMatch(/north-korea\s+North Korea\s+14/);
    expect(run.stdout).toMatch(/\d+ rows? in \d+ ms/);
  });

  it('cypher runs an inline query with parameters', () => {
    const run = cli(
      'cypher',
      ['MATCH (p:Person {id: $id}) RETURN p.name AS name', '--param', 'id=antony-blinken'],
      dbPath,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Antony Blinken');
  });

  it('cypher refuses a template file with one clear line and exit code 1', () => {
    const run = cli('cypher', ['cypher/traverse/outgoing.cypher'], dbPath);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('is a template with');
  });

  it('cypher reports a failing query with its code and exit code 1', () => {
    const run = cli('cypher', ['MATCH (n:Nope) RETURN n'], dbPath);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[GRAPH_QUERY_FAILED]');
  });

  it('backup takes a snapshot at the journal position, and restore rebuilds the same graph from it', () => {
    const backup = cli('backup', [], dbPath);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(
      /^Snapshot .*graph\.lbug\.snapshots\/snapshot-\d{10}\.lbug at journal position \d+ \(.*\)\.\n$/,
    );
    const list = cli('restore', ['--list'], dbPath);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/snapshot-\d{10}\.lbug {2}position \d+ {2}.* MB {2}intact/);
    const restore = cli('restore', [], dbPath);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toMatch(
      /^Restored .* from .*snapshot-\d{10}\.lbug \(position \d+, .*\) plus 0 journal entries in \d+ ms\.\nThe files it replaced are in .*graph\.lbug\.replaced-/,
    );
    const count = cli('cypher', ['MATCH (n) RETURN count(n) AS nodes'], dbPath);
    expect(count.stdout).toMatch(/\b57\b/);
  });

  it('restore refuses an unknown snapshot with one clear line and exit code 1', () => {
    const run = cli('restore', ['--snapshot', '/nowhere/snapshot-1.lbug'], dbPath);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^restore failed: \/nowhere\/snapshot-1\.lbug is not a snapshot of .* \(see `npm run restore -- --list`\)$/,
      ),
    ]);
  });
});
