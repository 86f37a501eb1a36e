/**
 * The graph layer's public surface. Code outside `src/graph` imports from
 * here only; adding an export is a deliberate act.
 */
export { applySchema, ensureSchema, openGraph, pingGraph, restoreEmbeddedGraph } from './graph';
export type { Graph } from './graph';
export {
  ENGINE_NAMES,
  REDACTED,
  describeGraphConfig,
  graphEngine,
  graphLocation,
  redactGraphConfig,
} from './engines';
export type {
  EmbeddedConfig,
  EmbeddedSettings,
  GraphConfig,
  GraphEngine,
  Neo4jConfig,
} from './engines';
export { listSnapshots, snapshotIntact } from './embedded/snapshots';
export type { SnapshotInfo } from './embedded/snapshots';
export { CypherLibrary, readCypherFiles, slotsOf, CYPHER_DIR } from './cypher-library';
export type { CypherFile } from './cypher-library';
export { GraphError, GraphErrorCode, isGraphError } from './errors';
export type { CypherQuery, EngineKind, GraphPort, GraphTransaction, RunOptions } from './port';
export { QueryStats } from './query-stats';
export type { QueryObserver, QueryStat } from './query-stats';
export { isGraphNode, isGraphRelationship } from './values';
export type {
  GraphNode,
  GraphPath,
  GraphRelationship,
  GraphValue,
  Params,
  ParamValue,
  Properties,
  Row,
} from './values';
export * from './queries';
