// aggregate/top-mentioned as of a date: only statements at least one source
// published on or before $asOf reports count (compared on the date as in
// traverse/outgoing-statements-as-of; undated sources never count). Used
// only when `topMentioned` is given `asOf`; the plain ranking keeps its own query.
MATCH (s:Statement)-[:MENTIONS]->(n:{{labels}})
MATCH (s)-[:REPORTED_IN]->(src:Source)
WHERE left(src.publishedAt, 10) <= $asOf
WITH n, count(DISTINCT s) AS mentions
RETURN n AS node, mentions AS total
ORDER BY total DESC, n.name, n.id
LIMIT $limit
