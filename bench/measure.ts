/**
 * In-process measurement: one Apollo server (the real schema and resolvers,
 * no HTTP), one context factory per implementation, operations run one at a
 * time so latencies are not mixed with queueing.
 */
import { loadavg } from 'node:os';
import { ApolloServer } from '@apollo/server';
import type { Graph } from '../src/graph';
import { type ApiContext, type ContextOptions, createContext, resolvers } from '../src/resolvers';
import { loadTypeDefs } from '../src/schema/load-schema';
import { createNaiveContext } from './naive-resolvers';
import type { Operation, Scenario } from './scenarios';
import type { ScenarioIds } from './synthetic-graph';

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

export type ImplName = 'batched' | 'naive' | 'in-memory';

export interface Implementation {
  readonly name: ImplName;
  readonly graph: Graph;
  readonly context: (options: ContextOptions) => ApiContext;
}

export function implementations(embedded: Graph, memory: Graph): Implementation[] {
  return [
    { name: 'batched', graph: embedded, context: createContext },
    { name: 'naive', graph: embedded, context: createNaiveContext },
    { name: 'in-memory', graph: memory, context: createContext },
  ];
}

export interface CellResult {
  readonly scale: string;
  readonly scenario: string;
  readonly fanout: number;
  readonly impl: ImplName;
  readonly reps: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  /** Graph queries per request (ctx.budget.queries), median over reps. */
  readonly queries: number;
  readonly errors: number;
  readonly firstError?: string;
  /** Process peak RSS (MB) after this cell. */
  readonly peakRssMb: number;
  /** 1-minute load average of the machine when the cell ended (2 cores: > 2 means contention). */
  readonly loadAvg: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const round = (x: number) => Math.round(x * 100) / 100;

let server: ApolloServer<ApiContext> | undefined;

async function apollo(): Promise<ApolloServer<ApiContext>> {
  if (!server) {
    server = new ApolloServer<ApiContext>({
      typeDefs: loadTypeDefs(),
      resolvers,
      includeStacktraceInErrorResponses: false,
    });
    await server.start();
  }
  return server;
}

export async function stopApollo(): Promise<void> {
  await server?.stop();
  server = undefined;
}

export async function runOnce(
  impl: Implementation,
  op: Operation,
): Promise<{ ms: number; queries: number; error?: string; data?: unknown }> {
  const s = await apollo();
  const ctx = impl.context({
    graph: impl.graph,
    credentials: { authorization: `Bearer ${BENCH_TOKEN}`, apiToken: BENCH_TOKEN },
    timeoutMs: 60_000,
  });
  const started = performance.now();
  const response = await s.executeOperation(
    { query: op.query, variables: op.variables },
    { contextValue: ctx },
  );
  const ms = performance.now() - started;
  const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
  const error = body?.errors?.[0]?.message ?? (body ? undefined : 'incremental response');
  return { ms, queries: ctx.budget.queries, error, data: body?.data };
}

export interface CellOptions {
  readonly reps: number;
  readonly minReps: number;
  readonly warmup: number;
  /** Stop adding reps once this many ms have been spent on the cell. */
  readonly budgetMs: number;
}

export async function measureCell(
  scale: string,
  scenario: Scenario,
  fanout: number,
  impl: Implementation,
  ids: ScenarioIds,
  options: CellOptions,
): Promise<CellResult> {
  // Warm-up (prepared statements, caches); slow cells get fewer warm-up runs.
  const warmStart = performance.now();
  for (let i = 0; i < options.warmup; i++) {
    if (i > 0 && performance.now() - warmStart > options.budgetMs / 4) break;
    await runOnce(impl, scenario.operation(ids, fanout, -1 - i));
  }
  const times: number[] = [];
  const queries: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  for (let rep = 0; rep < options.reps; rep++) {
    if (rep >= options.minReps && performance.now() - started > options.budgetMs) break;
    const r = await runOnce(impl, scenario.operation(ids, fanout, rep));
    times.push(r.ms);
    queries.push(r.queries);
    if (r.error) {
      errors += 1;
      firstError ??= r.error;
    }
  }
  times.sort((a, b) => a - b);
  queries.sort((a, b) => a - b);
  return {
    scale,
    scenario: scenario.name,
    fanout,
    impl: impl.name,
    reps: times.length,
    p50: round(percentile(times, 50)),
    p90: round(percentile(times, 90)),
    p99: round(percentile(times, 99)),
    mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    queries: percentile(queries, 50),
    errors,
    firstError,
    peakRssMb: peakRssMb(),
    loadAvg: Math.round(loadavg()[0]! * 10) / 10,
  };
}
