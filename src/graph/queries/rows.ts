/**
 * What the typed queries take and return. Callers above the layer see these
 * shapes only, never a raw row or a column name.
 */
import type { EntityLabel, NodeLabel, OrderKey, RelationshipType } from '../../model/graph-model';
import type { GraphNode, GraphRelationship, GraphValue } from '../values';

/** A related node together with the relationship that leads to it. */
export interface Related {
  readonly node: GraphNode;
  readonly rel: GraphRelationship;
  /**
   * The statement's sources (each REPORTED_IN relationship with its source,
   * in no particular order), when the traversal ends at statements and
   * fetched them in the same query (see `withSource`); absent otherwise.
   */
  readonly sources?: ReadonlyArray<{ readonly node: GraphNode; readonly rel: GraphRelationship }>;
}

/** A relationship walk, as the batched traversal queries take it. */
export interface TraversalShape {
  readonly type: RelationshipType;
  readonly direction: 'outgoing' | 'incoming';
  readonly parentLabels: readonly NodeLabel[];
  readonly nodeLabels: readonly NodeLabel[];
  readonly orderKey: OrderKey;
  /** A relationship date property to order by first, newest first (outgoing only). */
  readonly newestBy?: string;
}

/** A node of a keyset page with the value of its sort key. */
export interface KeyedNode {
  readonly node: GraphNode;
  readonly key: GraphValue;
}

/** Where a keyset page starts and how it is ordered. */
export interface KeysetWindow {
  /** The sort key and id of the last row of the previous page; null for the first page. */
  readonly after: { readonly key: string | number; readonly id: string } | null;
  readonly orderKey: OrderKey;
  readonly descending: boolean;
  readonly limit: number;
}

/** Filters of entity lists; empty values mean "no filter". */
export interface EntityFilter {
  readonly nameContains: string;
  readonly category: string;
  readonly ids: readonly string[];
}

/** Filters of the source list; empty values mean "no filter". */
export interface SourceFilter {
  readonly nameContains: string;
  readonly ids: readonly string[];
}

/** Filters of the statement list; empty strings mean "no filter". */
export interface StatementFilter {
  readonly kind: string;
  readonly textContains: string;
  readonly speakerId: string;
  readonly mentionsId: string;
  readonly addressedToId: string;
  readonly sourceId: string;
}

/** A node with a count (rankings). */
export interface RankedNode {
  readonly node: GraphNode;
  readonly total: number;
}

/** A label or relationship type with a count. */
export interface NamedCount {
  readonly name: string;
  readonly total: number;
}

export interface SearchHit {
  readonly node: GraphNode;
  readonly score: number;
}

/** One relationship of a frontier node: `from` is the frontier node, `to` its neighbour, in either direction. */
export interface Neighbour {
  readonly from: GraphNode;
  readonly rel: GraphRelationship;
  readonly to: GraphNode;
}

export interface PathFound {
  readonly nodes: GraphNode[];
  readonly relationships: GraphRelationship[];
}

/** An estimate of an entity and the statement that gave it. */
export interface EstimateOf {
  readonly estimateId: string;
  readonly statementId: string;
}

/** A relationship as written: its endpoints and properties (see the model's properties of its type). */
export interface LinkRecord {
  readonly from: string;
  readonly to: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** The analytics projections the engine can fetch (`cypher/projection/<name>.cypher`). */
export type ProjectionQuery = 'co-mention' | 'speaker-mention' | 'entity-graph';

/** One row of a projection: `source` links to each of `targets`; with no source, the targets link pairwise. */
export interface ProjectionRow {
  readonly source: string | null;
  readonly targets: readonly string[];
}

/** An entity as report ingestion resolves mentions against it (`ingest/known-entities`). */
export interface KnownEntityRow {
  readonly id: string;
  readonly label: EntityLabel;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** A statement an actor made, as report ingestion matches repeated claims against it. */
export interface SpokenStatementRow {
  readonly speakerId: string;
  readonly id: string;
  readonly kind: string;
  readonly text: string;
}
