/** Count and total time of the queries run under one name. */
export interface QueryStat {
  count: number;
  errors: number;
  totalMs: number;
}

export type QueryObserver = (name: string, durationMs: number, failed: boolean) => void;

/**
 * Counts and times every query by name. Observers (the Prometheus metrics,
 * a per-request counter) subscribe instead of wrapping the port.
 */
export class QueryStats {
  private readonly byName = new Map<string, QueryStat>();
  private readonly observers = new Set<QueryObserver>();
  private committed = 0;

  /**
   * Write transactions committed through this port: a version of the graph
   * that caches of derived results (src/analytics) compare against.
   */
  get commits(): number {
    return this.committed;
  }

  /** Called by adapters after a write transaction commits. */
  recordCommit(): void {
    this.committed += 1;
  }

  record(name: string, durationMs: number, failed: boolean): void {
    let stat = this.byName.get(name);
    if (!stat) {
      stat = { count: 0, errors: 0, totalMs: 0 };
      this.byName.set(name, stat);
    }
    stat.count += 1;
    stat.totalMs += durationMs;
    if (failed) stat.errors += 1;
    for (const observer of this.observers) observer(name, durationMs, failed);
  }

  /** Subscribes to every recorded query; returns the unsubscribe function. */
  observe(observer: QueryObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  snapshot(): Record<string, QueryStat> {
    return Object.fromEntries([...this.byName].map(([name, stat]) => [name, { ...stat }]));
  }

  total(): number {
    let sum = 0;
    for (const stat of this.byName.values()) sum += stat.count;
    return sum;
  }
}
