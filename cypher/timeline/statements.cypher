// An entity's timeline, its statements: those it made or that mention it,
// each with its own date (`saidAt`) and its earliest source's publishedAt.
// With $asOf (an ISO day; '' for none: the embedded engine cannot type a null
// parameter), only sources published on or before it count, compared on the
// day as in traverse/outgoing-statements-as-of, and a statement none of them
// reports is left out. Per parent, dated first (own date, else the
// earliest source), then undated, then by id; at most $limit.
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)-[:MADE|MENTIONS]-(node:Statement)-[:REPORTED_IN]->(src:Source)
WHERE $asOf = '' OR left(src.publishedAt, 10) <= $asOf
WITH parent.id AS parentId, node, min(src.publishedAt) AS reported
WITH parentId, node, reported, coalesce(node.saidAt, reported) AS date
ORDER BY parentId, date IS NULL, date, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({node: node, reported: reported}) AS items
RETURN parentId, items[0..$limit] AS items
