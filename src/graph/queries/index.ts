/**
 * The typed query layer: one function per Cypher file (or family of files),
 * with typed parameters and typed rows. Everything above `src/graph` runs
 * queries through these functions; none renders a template or reads a
 * column. This is the layer's whole public surface: adding an export here is
 * a deliberate act.
 */
export { createQueries, cypherReads, cypherWrites, withSource } from './cypher-queries';
export type { GraphQueries, QueryPort, ReadQueries, WriteQueries } from './cypher-queries';
export { FACT_TYPES, REPORTED_TYPES } from './as-of-queries';
export type { AsOfCounts, AsOfReads, TimelinePart, TimelineRow } from './as-of-queries';
export { nodeRow } from './node-rows';
export type { NodeRecord } from './node-rows';
export { QUERY_NAMES } from './query-names';
export type { QueryName } from './query-names';
export type {
  EntityFilter,
  EstimateOf,
  KeyedNode,
  KeysetWindow,
  KnownEntityRow,
  LinkRecord,
  NamedCount,
  Neighbour,
  PathFound,
  ProjectionQuery,
  ProjectionRow,
  RankedNode,
  Related,
  SearchHit,
  SourceFilter,
  SpokenStatementRow,
  StatementFilter,
  TraversalShape,
} from './rows';
