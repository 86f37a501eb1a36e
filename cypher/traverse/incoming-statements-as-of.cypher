// traverse/incoming as of a date ({{nodeLabels}} is Statement): only the
// statements at least one source published on or before $asOf reports
// (docs/sources.md, "The graph as of a date"). `left(…, 10)` compares on the
// date: a date-time counts as its day, and a YYYY or YYYY-MM publishedAt
// sorts before every day of its year or month, so it counts as its first
// day. An undated source (null publishedAt) never passes. Used only when a
// field is given `asOf`: the plain traversal keeps its own query.
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)<-[rel:{{type}}]-(node:{{nodeLabels}})
WHERE EXISTS {
  MATCH (node)-[:REPORTED_IN]->(src:Source)
  WHERE left(src.publishedAt, 10) <= $asOf
}
WITH parent.id AS parentId, rel, node
ORDER BY parentId, node.{{orderKey}}, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items
