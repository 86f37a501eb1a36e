/**
 * What the command-line tools share: the engine configuration from the
 * environment, and a runner that opens the graph, always closes it (the
 * embedded database stays locked while open) and turns any failure into one
 * clear line and exit code 1.
 */
import { loadConfig } from '../config/config';
import { type Graph, type GraphConfig, isGraphError, openGraph } from '../graph';

/**
 * The engine from the environment, validated by the same rules as the server
 * (`src/config/config.ts`): Neo4j when `NEO4J_URI` is set, otherwise the
 * embedded database at `EMBEDDED_DB_PATH` (default `./data/graph.lbug`).
 */
export function graphConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GraphConfig {
  return loadConfig(env).graph;
}

/** The one line printed for a failure: the message, and the stable code when there is one. */
export function failureLine(error: unknown): string {
  if (isGraphError(error)) return `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens the configured graph, runs `work`, and closes the graph whatever
 * happens. A failure prints `<tool> failed: <reason>` and sets exit code 1.
 */
export async function runWithGraph(
  tool: string,
  work: (graph: Graph, config: GraphConfig) => Promise<void>,
): Promise<void> {
  let graph: Graph | undefined;
  try {
    const config = graphConfigFromEnv();
    graph = await openGraph(config);
    await work(graph, config);
  } catch (error) {
    console.error(`${tool} failed: ${failureLine(error)}`);
    process.exitCode = 1;
  } finally {
    await graph?.port.close().catch(() => undefined);
  }
}
