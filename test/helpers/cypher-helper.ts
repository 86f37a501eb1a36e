/**
 * `POST /cypher` from tests, and a fingerprint of a whole graph: node and
 * relationship counts plus a SHA-256 over every node's and relationship's
 * properties, so that "nothing changed" is checked, not assumed.
 */
import { createHash } from 'node:crypto';
import type { Graph } from '../../src/graph';
import { TEST_ANALYST_TOKEN } from './server-helper';

export interface CypherResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
  readonly text: string;
}

/** POSTs `{query, params}` to `/cypher` with the analyst token unless `headers` says otherwise. */
export async function postCypher(
  origin: string,
  query: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = { authorization: `Bearer ${TEST_ANALYST_TOKEN}` },
): Promise<CypherResponse> {
  const res = await fetch(`${origin}/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, params }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV, or an empty body
  }
  return { status: res.status, headers: res.headers, body, text };
}

export interface GraphFingerprint {
  readonly nodes: number;
  readonly relationships: number;
  readonly checksum: string;
}

/** Counts and a property checksum of every node and relationship, independent of order. */
export async function fingerprint(graph: Graph): Promise<GraphFingerprint> {
  const nodes = await graph.port.read({ name: 'test/all-nodes', text: 'MATCH (n) RETURN n' });
  const rels = await graph.port.read({
    name: 'test/all-relationships',
    text: 'MATCH (a)-[r]->(b) RETURN a.id AS a, r, b.id AS b',
  });
  const lines = [
    ...nodes.map((r) => JSON.stringify(r.n)),
    ...rels.map((r) => JSON.stringify([r.a, r.r, r.b])),
  ].sort();
  const checksum = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { nodes: nodes.length, relationships: rels.length, checksum };
}
