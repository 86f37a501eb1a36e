// Ranked text search, Neo4j variant: the `search` full-text index (see
// schema/create), queried with a Lucene query built from escaped user words
// (exact and fuzzy terms). Scores are normalised to 0..1 by the top hit.
CALL db.index.fulltext.queryNodes('search', $luceneQuery, {limit: $limit * 4})
YIELD node, score
WHERE node:{{labels}}
WITH node, score
ORDER BY score DESC, node.name, node.id
LIMIT $limit
WITH collect({node: node, score: score}) AS hits
WITH hits, CASE WHEN size(hits) = 0 THEN 1.0 ELSE hits[0].score END AS top
UNWIND hits AS hit
RETURN hit.node AS node, hit.score / top AS score
