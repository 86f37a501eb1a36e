// aggregate/speakers as of a date: only statements at least one source
// published on or before $asOf reports count (compared on the date as in
// traverse/outgoing-statements-as-of; undated sources never count). Used
// only when `speakers` is given `asOf`; the plain ranking keeps its own query.
MATCH (a:Person|Organization|State)-[:MADE]->(s:Statement)-[:REPORTED_IN]->(src:Source)
WHERE left(src.publishedAt, 10) <= $asOf
WITH a, count(DISTINCT s) AS made
RETURN a AS node, made AS total
ORDER BY total DESC, a.name, a.id
LIMIT $limit
