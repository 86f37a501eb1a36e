// traverse/outgoing as of a date ({{nodeLabels}} is Source): only the sources
// published on or before $asOf, compared on the date as in
// traverse/outgoing-statements-as-of; undated sources are left out. Used
// only when a field is given `asOf`.
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)-[rel:{{type}}]->(node:{{nodeLabels}})
WHERE left(node.publishedAt, 10) <= $asOf
WITH parent.id AS parentId, rel, node
ORDER BY parentId, node.{{orderKey}}, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items
