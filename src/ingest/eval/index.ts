/** The ingest eval: gold annotations and the comparison with a plan. */
export * from './gold';
export * from './evaluate';
export { runEval, type EvalRun } from './run-eval';
