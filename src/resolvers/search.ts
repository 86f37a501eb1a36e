import type { GraphNode } from '../graph';
import { isGraphNode } from '../graph';
import { ENTITY_LABELS, type NodeLabel } from '../model/graph-model';
import type { ApiContext } from './context';
import { checkText, intInRange } from './arguments';
import { labelOfSearchKind } from './models';

/** Labels `search` covers when no kinds are given. */
const SEARCHABLE: readonly NodeLabel[] = [...ENTITY_LABELS, 'Statement', 'Source'];
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * A Lucene query for Neo4j's full-text index: every word must match, as
 * typed, as a prefix, or within one or two edits. User text is escaped, so
 * it can only ever be words.
 */
export function luceneQueryOf(text: string): string {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((w) => w.length > 0);
  return words.map((w) => `(${w} OR ${w}* OR ${w}~${w.length >= 6 ? 2 : 1})`).join(' AND ');
}

/** How many edits a whole-name near-miss may have: none for short words. */
function maxEditsFor(text: string): number {
  if (text.length >= 8) return 2;
  if (text.length >= 4) return 1;
  return 0;
}

export async function search(
  _root: unknown,
  args: { text: string; kinds?: readonly string[] | null; first?: number | null },
  ctx: ApiContext,
): Promise<Array<{ score: number; node: GraphNode }>> {
  const text = checkText('text', args.text, { max: 200 }).toLowerCase();
  const first = intInRange('first', args.first, { min: 0, max: 100, fallback: 10 });
  const labels = args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds.map(labelOfSearchKind))] : SEARCHABLE;
  if (first === 0) return [];
  const rows = await ctx.port.read(ctx.graph.cypher.render('search/text', { labels: labels.join('|') }), {
    text,
    luceneQuery: luceneQueryOf(text),
    maxEdits: maxEditsFor(text),
    limit: first,
  });
  return rows
    .filter((r) => isGraphNode(r.node))
    .map((r) => ({ score: Math.round(Number(r.score) * 1000) / 1000, node: r.node as GraphNode }));
}
