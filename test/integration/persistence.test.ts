/**
 * The embedded database keeps what was written on disk: written, closed,
 * reopened and read back, in a temporary folder removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applySchema, openGraph, type Graph } from '../../src/graph';
import { countGraph, loadSeed } from '../../src/seed/load-seed';

describe('An on-disk embedded graph', () => {
  let folder: string;
  let dbPath: string;
  const open = async (): Promise<Graph> => openGraph({ engine: 'embedded', path: dbPath });

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'kg-persistence-'));
    dbPath = path.join(folder, 'nested', 'graph.lbug');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps a written node after it is closed and reopened', async () => {
    const first = await open();
    await applySchema(first);
    await first.port.write(
      { name: 'test/create', text: 'CREATE (:Person {id: $id, name: $name, aliases: $aliases})' },
      { id: 'ada', name: 'Ada Lovelace', aliases: ['Countess of Lovelace'] },
    );
    await first.port.close();

    const second = await open();
    try {
      const rows = await second.port.read(
        {
          name: 'test/read',
          text: 'MATCH (p:Person {id: $id}) RETURN p.name AS name, p.aliases AS aliases',
        },
        { id: 'ada' },
      );
      expect(rows).toEqual([{ name: 'Ada Lovelace', aliases: ['Countess of Lovelace'] }]);
    } finally {
      await second.port.close();
    }
  });

  it('keeps the seed, and applying the schema again on reopen changes nothing', async () => {
    const first = await open();
    await applySchema(first);
    await loadSeed(first);
    const before = await countGraph(first);
    await first.port.close();

    const second = await open();
    try {
      await applySchema(second);
      expect(await countGraph(second)).toEqual(before);
    } finally {
      await second.port.close();
    }
  });
});
