// traverse/outgoing for traversals that end at statements ({{nodeLabels}} is
// Statement: see `withSource` in src/graph/queries), with each
// statement's sources (REPORTED_IN, one or more: several reports can carry
// one statement) collected in the same query, so that the API's `source` and
// `reportedBy` of those statements need no query of their own.
// Every statement has at least one source (the statement write links it), so
// the MATCH keeps every statement; a statement without one would break the
// model (`Statement.source` is non-null).
// One query instead of two: at 100k nodes the MADE traversal of 100 people
// costs 41 ms with the source folded in, against 25 ms + 94 ms as two queries
// (bench/probe-queries.ts --shapes; docs/performance.md).
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)-[rel:{{type}}]->(node:{{nodeLabels}})-[sourceRel:REPORTED_IN]->(source:Source)
WITH parent.id AS parentId, rel, node, collect({rel: sourceRel, node: source}) AS sources
ORDER BY parentId, node.{{orderKey}}, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({rel: rel, node: node, sources: sources}) AS items
RETURN parentId, items[0..$limit] AS items
