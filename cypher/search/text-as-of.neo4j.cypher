// search/text as of a date, Neo4j variant: the full-text query of
// search/text, over the nodes visible as of $asOf (the rule of
// neighborhood/expand-as-of). The index is asked for every hit, not a
// multiple of $limit, so that the date filter runs before the cut. Used only
// when `search` is given `asOf`.
CALL db.index.fulltext.queryNodes('search', $luceneQuery)
YIELD node, score
WHERE node:{{labels}}
  AND (
    left(node.publishedAt, 10) <= $asOf
    OR EXISTS {
      MATCH (node)-[:REPORTED_IN]->(src:Source)
      WHERE left(src.publishedAt, 10) <= $asOf
    }
    OR EXISTS {
      MATCH (node)-[:ATTRIBUTED_TO]->(:Statement)-[:REPORTED_IN]->(src:Source)
      WHERE left(src.publishedAt, 10) <= $asOf
    }
    OR EXISTS {
      MATCH (node)-[:MADE|MENTIONS|ADDRESSED_TO]-(:Statement)-[:REPORTED_IN]->(src:Source)
      WHERE left(src.publishedAt, 10) <= $asOf
    }
    OR EXISTS { MATCH (node)-[:{{factTypes}}]-() }
  )
WITH node, score
ORDER BY score DESC, node.name, node.id
LIMIT $limit
WITH collect({node: node, score: score}) AS hits
WITH hits, CASE WHEN size(hits) = 0 THEN 1.0 ELSE hits[0].score END AS top
UNWIND hits AS hit
RETURN hit.node AS node, hit.score / top AS score
