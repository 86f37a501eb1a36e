// traverse/incoming as of a date ({{nodeLabels}} is Estimate): only the
// figures whose statement (ATTRIBUTED_TO) at least one source published on or
// before $asOf reports; the date comparison is the one of
// traverse/outgoing-statements-as-of. Used only when a field is given `asOf`.
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)<-[rel:{{type}}]-(node:{{nodeLabels}})
WHERE EXISTS {
  MATCH (node)-[:ATTRIBUTED_TO]->(:Statement)-[:REPORTED_IN]->(src:Source)
  WHERE left(src.publishedAt, 10) <= $asOf
}
WITH parent.id AS parentId, rel, node
ORDER BY parentId, node.{{orderKey}}, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items
