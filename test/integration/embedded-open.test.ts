/**
 * Opening the embedded database: clear, coded errors for a path that cannot
 * be used and for a database another process holds, and queries that run off
 * the event loop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphError, GraphErrorCode, openGraph } from '../../src/graph';
import { bootstrapGraph } from '../../src/server/bootstrap';
import { openTestGraph } from '../helpers/graph-helper';

async function openFailure(dbPath: string): Promise<GraphError> {
  try {
    const graph = await openGraph({ engine: 'embedded', path: dbPath });
    await graph.port.close();
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error(`expected opening ${dbPath} to fail`);
}

/** Another process holding the database at `dbPath` open, until it is stopped. */
async function holdDatabase(dbPath: string): Promise<ChildProcess> {
  const script = `
    const lbug = require(${JSON.stringify(require.resolve('@ladybugdb/core'))});
    (async () => {
      const db = new lbug.Database(${JSON.stringify(dbPath)});
      await db.init();
      process.stdout.write('ready\\n');
      setInterval(() => undefined, 1000);
    })().catch((e) => { process.stderr.write(e.message); process.exit(2); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    child.stdout?.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code}: ${stderr}`)));
  });
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

describe('Opening the embedded database', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'kg-open-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('creates the schema on first open, so a new database answers queries at once', async () => {
    const graph = await openGraph({
      engine: 'embedded',
      path: path.join(folder, 'fresh', 'graph.lbug'),
    });
    try {
      const rows = await graph.port.read(graph.cypher.get('aggregate/count-by-label'));
      expect(rows).toEqual([]);
      const people = await graph.port.read(
        graph.cypher.render('read/nodes-by-ids', { labels: 'Person' }),
        { ids: ['nobody'] },
      );
      expect(people).toEqual([]);
    } finally {
      await graph.port.close();
    }
  });

  it('applies the schema once at server start-up: on open, not again in the bootstrap', async () => {
    const graph = await bootstrapGraph(
      { engine: 'embedded', path: path.join(folder, 'once', 'graph.lbug') },
      { seedIfEmpty: false },
    );
    try {
      const statements = graph.cypher.statements('schema/create');
      const stats = graph.port.stats.snapshot();
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) expect(stats[statement.name]?.count).toBe(1);
    } finally {
      await graph.port.close();
    }
  });

  it('rebuilds a data file that opens as an empty graph although its journal holds writes, rather than serving it empty', async () => {
    // Zeroed pages once left a data file that opened without error and read as
    // an empty graph (test/reliability/durability.test.ts under load): a fresh
    // empty database in the data file's place is that state, made on purpose.
    const dbPath = path.join(folder, 'emptied', 'graph.lbug');
    const seeded = await bootstrapGraph(
      { engine: 'embedded', path: dbPath },
      { seedIfEmpty: true },
    );
    const count = async (graph: typeof seeded) =>
      (await graph.port.read(graph.cypher.get('aggregate/count-by-label'))).reduce(
        (sum, row) => sum + Number(row.total),
        0,
      );
    const nodes = await count(seeded);
    await seeded.port.close();
    expect(nodes).toBeGreaterThan(0);
    for (const file of [dbPath, `${dbPath}.wal`]) rmSync(file, { force: true });
    const empty = spawnSync(process.execPath, [
      '-e',
      `const lbug = require(${JSON.stringify(require.resolve('@ladybugdb/core'))});
       (async () => { const db = new lbug.Database(${JSON.stringify(dbPath)}); await db.init(); await db.close(); })();`,
    ]);
    expect(empty.status).toBe(0);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const reopened = await openGraph({ engine: 'embedded', path: dbPath });
      try {
        expect(await count(reopened)).toBe(nodes);
      } finally {
        await reopened.port.close();
      }
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(
        /could not be opened \(it opened with no node at all, although its journal and snapshots hold acknowledged writes .*\); rebuilt it from snapshot/,
      );
    } finally {
      stderr.mockRestore();
    }
  });

  it('fails with GRAPH_PATH_UNUSABLE and names the path when it lies under a regular file', async () => {
    const file = path.join(folder, 'plain-file');
    writeFileSync(file, 'not a folder');
    const dbPath = path.join(file, 'graph.lbug');
    const error = await openFailure(dbPath);
    expect(error.code).toBe(GraphErrorCode.PATH_UNUSABLE);
    expect(error.message).toContain(dbPath);
    expect(error.message).toMatch(/Cannot create the folder for the embedded database/);
  });

  it('fails with GRAPH_LOCKED and names the path while another process holds the database', async () => {
    const dbPath = path.join(folder, 'graph.lbug');
    const holder = await holdDatabase(dbPath);
    try {
      const error = await openFailure(dbPath);
      expect(error.code).toBe(GraphErrorCode.LOCKED);
      expect(error.message).toContain(dbPath);
      expect(error.message).toMatch(/locked by another process/);
      expect(String((error.cause as Error).message)).toMatch(/Could not set lock on file/);
    } finally {
      await stop(holder);
    }
    const graph = await openGraph({ engine: 'embedded', path: dbPath });
    await graph.port.close();
  });

  it('keeps the event loop free while a query runs', async () => {
    const { graph, close } = await openTestGraph();
    const heavy = {
      name: 'test/heavy',
      text: 'UNWIND range(1, $n) AS x RETURN sum(x % 7) AS total',
    };
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      // The query's speed varies a lot with the machine's load: grow it until it
      // runs long enough (100 ms) for a blocked loop to be told from a free one.
      for (let n = 500_000; ; n *= 4) {
        ticks = 0;
        const started = performance.now();
        const [row] = await graph.port.read(heavy, { n });
        const elapsed = performance.now() - started;
        expect(typeof row?.total).toBe('number');
        if (elapsed < 100 && n < 32_000_000) continue;
        expect(elapsed).toBeGreaterThanOrEqual(100);
        expect(ticks).toBeGreaterThanOrEqual(5);
        break;
      }
    } finally {
      clearInterval(timer);
      await close();
    }
  });
});
