/**
 * The bench's scenarios as pairs of GraphQL requests, ours and the peer's,
 * each with a function that reduces its response to one shape, so the two
 * servers' answers can be compared value for value.
 *
 * The peer's queries ask for the same order as ours: people by name then id,
 * a speaker's statements by ordinal then id, mentions by name then id.
 */
import { LOOKUP_ONE, NESTED_QUERY } from '../scenarios';

/** The nested scenario's fan-out in the peer comparison (the widest page the API allows). */
export const PEER_FANOUT = 100;

export const PEER_NESTED_QUERY = `query Nested($n: Int!) {
  allEntities(first: $n, condition: { label: "Person" }, orderBy: [NAME_ASC, ID_ASC]) { nodes { id name
    statements(first: 10, orderBy: [ORDINAL_ASC, ID_ASC]) { nodes { id text mentions(first: 5, orderBy: [NAME_ASC, ID_ASC]) { nodes { id name } } } }
  } }
}`;

export const PEER_LOOKUP_ONE = `query Lookup($id: String!) { entityById(id: $id) { id name description category } }`;

export interface Body {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface QueryPair {
  readonly name: 'nested' | 'lookup';
  ours(arg: string | number): Body;
  peer(arg: string | number): Body;
  /** Response `data` → a plain value; equal values mean the same answer. */
  normaliseOurs(data: any): unknown;
  normalisePeer(data: any): unknown;
}

const person = (p: any) =>
  p ? { id: p.id, name: p.name, description: p.description, category: p.category } : null;

export const NESTED: QueryPair = {
  name: 'nested',
  ours: (n) => ({ query: NESTED_QUERY, variables: { n } }),
  peer: (n) => ({ query: PEER_NESTED_QUERY, variables: { n } }),
  normaliseOurs: (data) =>
    data.people.edges.map(({ node }: any) => ({
      id: node.id,
      name: node.name,
      statements: node.statements.map((s: any) => ({
        id: s.id,
        text: s.text,
        mentions: s.mentions.map((m: any) => ({ id: m.id, name: m.name })),
      })),
    })),
  normalisePeer: (data) =>
    data.allEntities.nodes.map((node: any) => ({
      id: node.id,
      name: node.name,
      statements: node.statements.nodes.map((s: any) => ({
        id: s.id,
        text: s.text,
        mentions: s.mentions.nodes.map((m: any) => ({ id: m.id, name: m.name })),
      })),
    })),
};

export const LOOKUP: QueryPair = {
  name: 'lookup',
  ours: (id) => ({ query: LOOKUP_ONE, variables: { id } }),
  peer: (id) => ({ query: PEER_LOOKUP_ONE, variables: { id } }),
  normaliseOurs: (data) => person(data.person),
  normalisePeer: (data) => person(data.entityById),
};
