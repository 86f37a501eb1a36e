import type { Logger } from 'pino';
import { type Graph, type GraphConfig, ensureSchema, openGraph } from '../graph';
import { countGraph, loadSeed } from '../seed/load-seed';

/**
 * Opens the configured engine, applies its schema once (on open for engines
 * that need it there, here for the others) and, when asked, loads the
 * article seed into an empty graph.
 */
export async function bootstrapGraph(
  config: GraphConfig,
  options: { seedIfEmpty: boolean; logger?: Logger },
): Promise<Graph> {
  const graph = await openGraph(config);
  try {
    await ensureSchema(graph);
    if (options.seedIfEmpty) {
      const { labels } = await countGraph(graph);
      const nodes = Object.values(labels).reduce((a, b) => a + b, 0);
      if (nodes === 0) {
        const summary = await loadSeed(graph);
        options.logger?.info(summary, 'loaded the article seed into an empty graph');
      }
    }
    return graph;
  } catch (error) {
    await graph.port.close().catch(() => undefined);
    throw error;
  }
}
