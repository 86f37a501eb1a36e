import type { QuerySearchArgs } from '../generated/resolvers-types';
import type { GraphNode } from '../graph';
import { ENTITY_LABELS, type NodeLabel } from '../model/graph-model';
import { checkText, intInRange } from '../model/validate';
import { checkAsOf } from './as-of';
import type { ApiContext } from './context';
import { labelOfSearchKind } from './models';

/** Labels `search` covers when no kinds are given. */
const SEARCHABLE: readonly NodeLabel[] = [...ENTITY_LABELS, 'Statement', 'Source'];

/**
 * `search(text, kinds, first)`: the engine's own ranking, rounded to three
 * places. How the text becomes a query (Lucene on Neo4j, edit distance on the
 * embedded engine) is the engine's dialect, below the port.
 */
export async function search(
  _root: unknown,
  args: QuerySearchArgs,
  ctx: ApiContext,
): Promise<Array<{ score: number; node: GraphNode }>> {
  const text = checkText('text', args.text, { max: 200 }).toLowerCase();
  const first = intInRange('first', args.first, { min: 0, max: 100, fallback: 10 });
  const labels =
    args.kinds && args.kinds.length > 0
      ? [...new Set(args.kinds.map(labelOfSearchKind))]
      : SEARCHABLE;
  const asOf = checkAsOf(args.asOf);
  if (first === 0) return [];
  const hits = asOf
    ? await ctx.queries.searchAsOf(text, labels, first, asOf)
    : await ctx.queries.search(text, labels, first);
  return hits.map((hit) => ({ score: Math.round(hit.score * 1000) / 1000, node: hit.node }));
}
