/**
 * A readers–writer lock for async sections: any number of readers together,
 * or one writer alone. Writers are preferred: once a writer waits, new
 * readers queue behind it, so a stream of reads cannot starve writes.
 *
 * Why the embedded engine needs it: LadybugDB 0.19 crashes (SIGSEGV in a
 * reader thread, `DictionaryColumn::scan` under `ScanNodeTable`) when scans
 * run while a write transaction updates and commits the same tables, and its
 * checkpoint races concurrent readers (LadybugDB issue #713: every crash at a
 * WAL checkpoint fold). Keeping scans out of every write transaction, commit
 * and checkpoint included, removes the race. See docs/reliability.md.
 */
export class ReadWriteLock {
  private readers = 0;
  private writing = false;
  private readonly waiting: Array<{ write: boolean; grant: () => void }> = [];

  /** Runs `section` alongside other readers, never alongside a writer. */
  async read<T>(section: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await section();
    } finally {
      this.readers -= 1;
      this.wake();
    }
  }

  /** Runs `section` alone: no reader and no other writer runs meanwhile. */
  async write<T>(section: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await section();
    } finally {
      this.writing = false;
      this.wake();
    }
  }

  private acquire(write: boolean): Promise<void> {
    if (this.waiting.length === 0 && this.free(write)) {
      this.take(write);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ write, grant: resolve }));
  }

  private free(write: boolean): boolean {
    return write ? !this.writing && this.readers === 0 : !this.writing;
  }

  private take(write: boolean): void {
    if (write) this.writing = true;
    else this.readers += 1;
  }

  /** Grants the queue in order: one writer, or every reader up to the next writer. */
  private wake(): void {
    while (this.waiting.length > 0) {
      const next = this.waiting[0] as { write: boolean; grant: () => void };
      if (!this.free(next.write)) return;
      this.waiting.shift();
      this.take(next.write);
      next.grant();
      if (next.write) return;
    }
  }
}
