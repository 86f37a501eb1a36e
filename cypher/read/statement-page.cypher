// One page of statements in keyset order ({{orderKey}}, then id), with the
// statement filters. Empty strings mean "no filter" (see read/entity-page).
MATCH (s:Statement)
WHERE ($kind = '' OR s.kind = $kind)
  AND ($textContains = '' OR s.search CONTAINS $textContains)
  AND ($speakerId = '' OR EXISTS { MATCH (s)<-[:MADE]-(speaker) WHERE speaker.id = $speakerId })
  AND ($mentionsId = '' OR EXISTS { MATCH (s)-[:MENTIONS]->(mentioned) WHERE mentioned.id = $mentionsId })
  AND ($addressedToId = '' OR EXISTS { MATCH (s)-[:ADDRESSED_TO]->(addressee) WHERE addressee.id = $addressedToId })
  AND ($sourceId = '' OR EXISTS { MATCH (s)-[:REPORTED_IN]->(source) WHERE source.id = $sourceId })
WITH s, s.{{orderKey}} AS key
WHERE $afterId = ''
   OR ($reverse = false AND (key > $afterKey OR (key = $afterKey AND s.id > $afterId)))
   OR ($reverse = true AND (key < $afterKey OR (key = $afterKey AND s.id < $afterId)))
RETURN s AS n, key
ORDER BY key {{direction}}, s.id {{direction}}
LIMIT $limit
