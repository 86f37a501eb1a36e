/**
 * Every query of `cypher/` that the application runs, by name. The query
 * layer can only render names from this list (its `QueryName` type), and
 * `openGraph` requires them all at start-up, so a missing file fails start-up
 * rather than the first request that needs it.
 */
export const QUERY_NAMES = [
  'aggregate/co-mentions',
  'aggregate/count-by-label',
  'aggregate/count-by-type',
  'aggregate/speakers',
  'aggregate/top-mentioned',
  'health/ping',
  'neighborhood/expand',
  'path/shortest',
  'projection/co-mention',
  'projection/entity-graph',
  'projection/speaker-mention',
  'read/entity-count',
  'read/entity-page',
  'read/estimates-attributed-to',
  'read/estimates-of',
  'read/next-ordinal',
  'read/nodes-by-ids',
  'read/relationship-between',
  'read/source-count',
  'read/source-page',
  'read/statement-count',
  'read/statement-page',
  'read/statements-made-by',
  'schema/create',
  'search/text',
  'traverse/count-incoming',
  'traverse/incoming',
  'traverse/incoming-with-source',
  'traverse/outgoing',
  'traverse/outgoing-with-source',
  'write/delete-nodes',
  'write/link',
  'write/set-link-property',
  'write/unlink',
  'write/upsert-entities',
  'write/upsert-estimate',
  'write/upsert-sources',
  'write/upsert-statements',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];
