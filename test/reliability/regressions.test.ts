/**
 * Regression tests for bugs the reliability suites found. Each names the
 * suite that found it and what was wrong; docs/reliability.md lists them.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Graph, applySchema, openGraph } from '../../src/graph';
import { EMBEDDED_CHECKPOINT_BYTES } from '../../src/graph/embedded/embedded-adapter';
import { TEST_TOKEN, type TestServer, startTestServer } from '../helpers/server-helper';
import { errorsOf } from './support';

describe('regressions found by the reliability suites', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  /**
   * Found by fuzz.test.ts (seed 20241125): `Query.sources` on the embedded
   * engine failed with INTERNAL_SERVER_ERROR ("Binder exception: Cannot find
   * property category for n"): read/entity-page filtered on `n.category`,
   * which Source nodes do not have. Sources now use read/source-page.
   */
  describe('Query.sources on the embedded engine', () => {
    it('lists sources, with totalCount and pageInfo', async () => {
      const res = await server.post(
        '{ sources(first: 5) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }',
      );
      expect(errorsOf(res.body)).toEqual([]);
      expect(res.body.data.sources.totalCount).toBe(1);
      expect(res.body.data.sources.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        'report-north-korean-troops-kursk',
      ]);
      expect(res.body.data.sources.pageInfo.hasNextPage).toBe(false);
    });

    it('filters by titleContains, case-insensitively', async () => {
      const res = await server.post(
        '{ hit: sources(filter: { titleContains: "NORTH KOREAN" }) { totalCount } miss: sources(filter: { titleContains: "no such title" }) { totalCount edges { node { id } } } }',
      );
      expect(errorsOf(res.body)).toEqual([]);
      expect(res.body.data).toEqual({ hit: { totalCount: 1 }, miss: { totalCount: 0, edges: [] } });
    });

    it('pages through sources in title order with cursors', async () => {
      const auth = { authorization: `Bearer ${TEST_TOKEN}` };
      for (const [id, title] of [
        ['src-b', 'B title'],
        ['src-a', 'A title'],
        ['src-z', 'Z title'],
      ]) {
        const res = await server.post(
          `mutation { upsertSource(input: { id: "${id}", title: "${title}" }) { id } }`,
          {},
          auth,
        );
        expect(errorsOf(res.body)).toEqual([]);
      }
      const titles: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const res = await server.post(
          'query($after: String) { sources(first: 2, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }',
          { after },
        );
        expect(errorsOf(res.body)).toEqual([]);
        expect(res.body.data.sources.totalCount).toBe(4);
        titles.push(
          ...res.body.data.sources.edges.map((e: { node: { title: string } }) => e.node.title),
        );
        if (!res.body.data.sources.pageInfo.hasNextPage) break;
        after = res.body.data.sources.pageInfo.endCursor;
      }
      expect(titles).toEqual([...titles].sort());
      expect(titles).toHaveLength(4);
    });
  });
});

/**
 * Found by soak.test.ts: the server's memory grew without bound under writes
 * (RSS +150 MB in a 120 s soak, JS heap flat). LadybugDB holds ~50 KB of
 * buffer-pool memory per committed write transaction until a checkpoint, and
 * with its default threshold no checkpoint came within 10,000 writes; writes
 * also slowed ~5x. The embedded adapter now checkpoints every
 * EMBEDDED_CHECKPOINT_BYTES of WAL.
 */
describe('embedded engine memory under a stream of small writes', () => {
  const WRITES = 3000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-checkpoint-'));
  const dbPath = path.join(dir, 'graph.lbug');
  let graph: Graph;

  beforeAll(async () => {
    graph = await openGraph({ engine: 'embedded', path: dbPath });
    await applySchema(graph);
  });

  afterAll(async () => {
    await graph?.port.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`checkpoints: after ${WRITES} upserts the WAL stays under twice the threshold and memory stays flat`, async () => {
    const upsert = {
      name: 'test/upsert',
      text: 'MERGE (p:Person {id: $id}) SET p.name = $name, p.description = $description',
    };
    const write = (i: number) =>
      graph.port.writeTransaction((tx) =>
        tx.run(upsert, {
          id: `p-${i % 200}`,
          name: 'P',
          description: `write ${i} at ${Date.now()}`,
        }),
      );
    for (let i = 0; i < 200; i++) await write(i); // warm-up: every row exists
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < WRITES; i++) await write(i);
    const growthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    const walBytes = existsSync(`${dbPath}.wal`) ? statSync(`${dbPath}.wal`).size : 0;
    console.info(
      `[regressions] ${WRITES} upserts: WAL ${Math.round(walBytes / 1024)} KiB, RSS growth ${growthMb.toFixed(1)} MB`,
    );
    expect(walBytes).toBeLessThan(2 * EMBEDDED_CHECKPOINT_BYTES);
    // without checkpoints: ~150 MB for 3000 writes; with them: tens of MB
    expect(growthMb).toBeLessThan(100);
  }, 120_000);
});
