// An entity's timeline, its figures: the estimates of it (ESTIMATES), each
// with the earliest publishedAt of the sources reporting its statement. With
// $asOf (an ISO day, '' for none) only sources published on or before it
// count, and a figure none of them reports is left out. Per parent, dated
// first, then undated, then by id; at most $limit.
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)<-[:ESTIMATES]-(node:Estimate)-[:ATTRIBUTED_TO]->(:Statement)-[:REPORTED_IN]->(src:Source)
WHERE $asOf = '' OR left(src.publishedAt, 10) <= $asOf
WITH parent.id AS parentId, node, min(src.publishedAt) AS reported
ORDER BY parentId, reported IS NULL, reported, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({node: node, reported: reported}) AS items
RETURN parentId, items[0..$limit] AS items
