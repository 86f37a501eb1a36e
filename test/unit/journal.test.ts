import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal, readJournal } from '../../src/graph/embedded/journal';

const statement = (id: string) => ({
  name: 'write/upsert-entities',
  text: 'MERGE (n:Person {id: $id})',
  params: { id },
});

describe('the write journal of the embedded engine', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-journal-'));
    file = path.join(dir, 'graph.lbug.journal');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('numbers entries in append order and continues after the last one when reopened', () => {
    const journal = Journal.open(file);
    expect([
      journal.append([statement('a')]),
      journal.append([statement('b'), statement('c')]),
    ]).toEqual([1, 2]);
    journal.close();
    const again = Journal.open(file);
    expect(again.position).toBe(2);
    expect(again.append([statement('d')])).toBe(3);
    again.close();
    expect(readJournal(file).map((e) => [e.seq, e.statements.map((s) => s.params.id)])).toEqual([
      [1, ['a']],
      [2, ['b', 'c']],
      [3, ['d']],
    ]);
  });

  it('leaves out an entry whose commit failed', () => {
    const journal = Journal.open(file);
    journal.append([statement('a')]);
    journal.abort(journal.append([statement('failed')]));
    journal.append([statement('c')]);
    journal.close();
    expect(readJournal(file).map((e) => e.seq)).toEqual([1, 3]);
  });

  it('ignores a torn last line (a crash during the append) but refuses damage before it', () => {
    const journal = Journal.open(file);
    journal.append([statement('a')]);
    journal.close();
    appendFileSync(file, '{"seq":2,"at":"2026-');
    expect(readJournal(file).map((e) => e.seq)).toEqual([1]);
    appendFileSync(file, '\n{"seq":3,"at":"x","statements":[]}\n');
    expect(() => readJournal(file)).toThrow(/The write journal .* is damaged at line 2/);
  });

  it('cuts a torn last line off when reopened, so later entries follow whole ones', () => {
    const journal = Journal.open(file);
    journal.append([statement('a')]);
    journal.close();
    appendFileSync(file, '{"seq":2,"at":"2026-');
    const again = Journal.open(file);
    expect(again.append([statement('b')])).toBe(2);
    again.close();
    expect(readJournal(file).map((e) => [e.seq, e.statements[0]?.params.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('drops the entries a snapshot already contains when compacted, and keeps appending after them', () => {
    const journal = Journal.open(file);
    for (const id of ['a', 'b', 'c']) journal.append([statement(id)]);
    journal.compact(2);
    journal.append([statement('d')]);
    journal.close();
    expect(readJournal(file).map((e) => e.seq)).toEqual([3, 4]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
