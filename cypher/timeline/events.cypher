// An entity's timeline, its events: those it took part in (PARTICIPATED_IN),
// each with its own `date` and its earliest source's publishedAt. Events are
// entered as facts, so an asOf view keeps them all; $asOf (an ISO day, ''
// for none) only limits which of their sources count. Per parent, dated
// first (own date, else the earliest source), then undated, then by id; at
// most $limit.
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)-[:PARTICIPATED_IN]->(node:Event)
OPTIONAL MATCH (node)-[:REPORTED_IN]->(src:Source)
WHERE $asOf = '' OR left(src.publishedAt, 10) <= $asOf
WITH parent.id AS parentId, node, min(src.publishedAt) AS reported
WITH parentId, node, reported, coalesce(node.date, reported) AS date
ORDER BY parentId, date IS NULL, date, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({node: node, reported: reported}) AS items
RETURN parentId, items[0..$limit] AS items
