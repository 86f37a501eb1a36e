// For the actors a ranking returned: how many distinct sources report the
// statements each made (`speakers`' `reports`). A query of its own, run only
// when the request selects `reports`, over the ranked ids alone (see
// aggregate/mention-reports). $asOf is '' for no date, else an ISO day:
// only sources published on or before it.
MATCH (a:Person|Organization|State)
WHERE a.id IN $ids
MATCH (a)-[:MADE]->(:Statement)-[:REPORTED_IN]->(src:Source)
WHERE $asOf = '' OR left(src.publishedAt, 10) <= $asOf
RETURN a.id AS id, count(DISTINCT src) AS reports
