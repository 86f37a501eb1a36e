import type { Params } from '../values';

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

/** The Neo4j variant of `search/text` takes the Lucene query. */
export function neo4jSearchParams(text: string): Params {
  return { luceneQuery: luceneQueryOf(text) };
}
