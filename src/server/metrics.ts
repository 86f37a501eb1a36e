import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueryStats } from '../graph';

/** Longest operation name kept as a label; longer names are cut here. */
export const OPERATION_NAME_MAX_LENGTH = 64;
/** Distinct operation names tracked; names first seen after these are counted as `other`. */
export const OPERATION_NAMES_MAX = 200;

/**
 * Bounds the `operation` label. Clients choose operation names, and every
 * distinct label value is a new time series: 2,000 names took /metrics from
 * 60 KB to 8.6 MB, and 95 KB names made it fail. The first
 * `OPERATION_NAMES_MAX` names (cut to `OPERATION_NAME_MAX_LENGTH`) keep their
 * own series; later ones share `other`.
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max = OPERATION_NAMES_MAX) {}

  /** The label value for an operation name (undefined or null means anonymous). */
  labelOf(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    const label = name.slice(0, OPERATION_NAME_MAX_LENGTH);
    if (this.known.has(label)) return label;
    if (this.known.size >= this.max) return 'other';
    this.known.add(label);
    return label;
  }
}

/** The server's Prometheus metrics, in their own registry (tests may create several). */
export class Metrics {
  readonly registry = new Registry();
  readonly operationLabels = new OperationLabels();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly operationErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors by operation name and error code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  readonly graphQueries = new Counter({
    name: 'graph_queries_total',
    help: 'Graph queries by query name and outcome.',
    labelNames: ['query', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphQueryDuration = new Histogram({
    name: 'graph_query_duration_seconds',
    help: 'Graph query duration by query name.',
    labelNames: ['query'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly batchSize = new Histogram({
    name: 'dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Feeds graph-query counters from the port's stats. Returns the unsubscribe function. */
  observeGraph(stats: QueryStats): () => void {
    return stats.observe((name, durationMs, failed) => {
      // Template queries are named "name[slots]"; the metric keeps the file name only.
      const query = name.replace(/\[.*$/, '').replace(/#\d+$/, '');
      this.graphQueries.inc({ query, outcome: failed ? 'error' : 'ok' });
      this.graphQueryDuration.observe({ query }, durationMs / 1000);
    });
  }
}
