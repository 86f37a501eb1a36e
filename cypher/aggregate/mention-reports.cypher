// For the entities a ranking returned: how many distinct sources report the
// statements mentioning each (`topMentioned`'s `reports`). A query of its own,
// run only when the request selects `reports`, over the ranked ids alone:
// counting sources inside aggregate/top-mentioned made it 2x slower (10k
// nodes: 8.8 ms -> 16.6 ms with the count on the top entries, 222 ms over
// every entity). $asOf is '' for no date (the embedded engine cannot type a
// null parameter), else an ISO day: only sources published on or before it.
MATCH (n:{{labels}})
WHERE n.id IN $ids
MATCH (n)<-[:MENTIONS]-(:Statement)-[:REPORTED_IN]->(src:Source)
WHERE $asOf = '' OR left(src.publishedAt, 10) <= $asOf
RETURN n.id AS id, count(DISTINCT src) AS reports
