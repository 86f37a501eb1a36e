// read/statement-page when $speakerId is set (and $mentionsId is not): the
// same page, but it starts from the speaker and extends along MADE instead of
// testing every Statement with an EXISTS subquery (issue 15,
// docs/performance.md). {{anchorLabels}} is every label that can speak (ids
// are unique across labels). The other filters still apply.
MATCH (anchor:{{anchorLabels}})
WHERE anchor.id = $speakerId
MATCH (anchor)-[:MADE]->(s:Statement)
WHERE ($kind = '' OR s.kind = $kind)
  AND ($textContains = '' OR s.search CONTAINS $textContains)
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
