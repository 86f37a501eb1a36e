// search/text as of a date, embedded variant: the same matching and scores as
// search/text, over the nodes visible as of $asOf (the rule of
// neighborhood/expand-as-of). A hit that is a source is found again as
// `asSource` by id, since {{labels}} may not include Source and LadybugDB
// refuses a property that none of their tables has; an EXISTS subquery on
// `src.id = n.id` is not correlated by LadybugDB (it held for any dated source).
// Used only when `search` is given `asOf`.
MATCH (n:{{labels}})
WHERE n.search CONTAINS $text OR levenshtein(lower(n.name), $text) <= $maxEdits
OPTIONAL MATCH (asSource:Source)
WHERE asSource.id = n.id
WITH n, asSource
WHERE (
    left(asSource.publishedAt, 10) <= $asOf
    OR EXISTS {
      MATCH (n)-[:REPORTED_IN]->(src:Source)
      WHERE left(src.publishedAt, 10) <= $asOf
    }
    OR EXISTS {
      MATCH (n)-[:ATTRIBUTED_TO]->(:Statement)-[:REPORTED_IN]->(src:Source)
      WHERE left(src.publishedAt, 10) <= $asOf
    }
    OR EXISTS {
      MATCH (n)-[:MADE|MENTIONS|ADDRESSED_TO]-(:Statement)-[:REPORTED_IN]->(src:Source)
      WHERE left(src.publishedAt, 10) <= $asOf
    }
    OR EXISTS { MATCH (n)-[:{{factTypes}}]-() }
  )
WITH n, lower(n.name) AS name, ' | ' + n.search + ' | ' AS terms
WITH n,
     CASE
       WHEN label(n) = 'Statement' THEN CASE WHEN n.search CONTAINS $text THEN 0.5 ELSE 0.4 END
       WHEN name = $text OR terms CONTAINS (' | ' + $text + ' | ') THEN 1.0
       WHEN name STARTS WITH $text THEN 0.8
       WHEN n.search CONTAINS $text THEN 0.6
       ELSE 0.4
     END AS score
RETURN n AS node, score
ORDER BY score DESC, n.name, n.id
LIMIT $limit
