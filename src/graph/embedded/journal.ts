/**
 * The write journal: an append-only file of every write transaction the
 * embedded engine commits, in commit order, with the exact query texts and
 * parameters. An entry is on disk (fdatasync) before its transaction
 * commits, so every acknowledged write is in the journal even when the
 * engine's own files are lost. Restoring a snapshot and replaying the
 * entries after its position rebuilds the graph (see snapshots.ts,
 * recovery.ts and docs/reliability.md).
 *
 * Format: one JSON object per line.
 * - `{"seq":12,"at":"…","statements":[{"name":…,"text":…,"params":{…}}]}`
 * - `{"seq":12,"aborted":true}` when the commit of entry 12 failed after it was
 *   journaled; replay skips it.
 * A torn last line (a crash mid-append) is ignored on read.
 */
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import type { Params } from '../values';

export interface JournalStatement {
  readonly name: string;
  readonly text: string;
  readonly params: Params;
}

export interface JournalEntry {
  readonly seq: number;
  readonly at: string;
  readonly statements: readonly JournalStatement[];
}

/** The journal of the database at `dbPath`. */
export function journalPath(dbPath: string): string {
  return `${dbPath}.journal`;
}

/** Entries of a journal file in order, without aborted ones and without a torn last line. */
export function readJournal(file: string): JournalEntry[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const entries = new Map<number, JournalEntry>();
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let record: { seq: number; aborted?: boolean } & Partial<JournalEntry>;
    try {
      record = JSON.parse(line);
    } catch (cause) {
      // Only the last line can be torn by a crash; damage elsewhere is not ours to guess around.
      if (index >= lines.length - 2) return;
      throw new Error(
        `The write journal ${file} is damaged at line ${index + 1}: ${(cause as Error).message}`,
        { cause },
      );
    }
    if (record.aborted) entries.delete(record.seq);
    else
      entries.set(record.seq, {
        seq: record.seq,
        at: String(record.at),
        statements: record.statements ?? [],
      });
  });
  return [...entries.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The open journal of one database. Appends are synchronous on purpose: they
 * run inside the engine's exclusive write section, and an fdatasync of one
 * small line takes well under a millisecond on tmpfs and a few on disk, next
 * to 10–100 ms for the write transaction itself.
 */
export class Journal {
  private fd: number;
  private seq: number;

  private constructor(
    readonly file: string,
    lastSeq: number,
  ) {
    this.fd = openSync(file, 'a');
    this.seq = lastSeq;
  }

  /** Opens (creating) the journal, continuing after its last entry; a torn last line is cut off first. */
  static open(file: string): Journal {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text.length > 0 && !text.endsWith('\n'))
        truncateSync(file, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    }
    const entries = readJournal(file);
    return new Journal(file, entries.at(-1)?.seq ?? 0);
  }

  /** The position of the last entry: a snapshot taken now contains every entry up to it. */
  get position(): number {
    return this.seq;
  }

  /** Appends one transaction and flushes it to disk. Throws (ENOSPC, EIO) when it cannot. */
  append(statements: readonly JournalStatement[]): number {
    const seq = this.seq + 1;
    this.writeLine({ seq, at: new Date().toISOString(), statements });
    this.seq = seq;
    return seq;
  }

  /** Marks entry `seq` as not committed. Best effort: replay of a failed commit is what it prevents. */
  abort(seq: number): void {
    try {
      this.writeLine({ seq, aborted: true });
    } catch {
      // The disk refuses even this line; the entry stays, and replay would redo a write that
      // failed. Recorded in docs/reliability.md as the one in-doubt case.
    }
  }

  /** Drops entries at or before `seq` (already inside every kept snapshot). */
  compact(seq: number): void {
    const kept = readJournal(this.file).filter((e) => e.seq > seq);
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      for (const entry of kept) writeSync(fd, `${JSON.stringify(entry)}\n`);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    closeSync(this.fd);
    renameSync(tmp, this.file);
    this.fd = openSync(this.file, 'a');
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Writes one line, or nothing: a partial line (a full disk) is cut off again. */
  private writeLine(record: unknown): void {
    const size = fstatSync(this.fd).size;
    try {
      writeSync(this.fd, `${JSON.stringify(record)}\n`);
      fdatasyncSync(this.fd);
    } catch (error) {
      try {
        ftruncateSync(this.fd, size);
      } catch {
        // nothing more to do: readJournal ignores a torn last line
      }
      throw error;
    }
  }
}
