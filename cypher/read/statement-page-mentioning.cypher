// read/statement-page when $mentionsId is set: the same page, but it starts
// from the mentioned entity and extends to its statements instead of testing
// every Statement with an EXISTS subquery (issue 15, docs/performance.md).
// {{anchorLabels}} is every label a MENTIONS target can have (ids are unique
// across labels, so at most one node matches). The other filters still apply.
MATCH (anchor:{{anchorLabels}})
WHERE anchor.id = $mentionsId
MATCH (s:Statement)-[:MENTIONS]->(anchor)
WHERE ($kind = '' OR s.kind = $kind)
  AND ($textContains = '' OR s.search CONTAINS $textContains)
  AND ($speakerId = '' OR EXISTS { MATCH (s)<-[:MADE]-(speaker) WHERE speaker.id = $speakerId })
  AND ($addressedToId = '' OR EXISTS { MATCH (s)-[:ADDRESSED_TO]->(addressee) WHERE addressee.id = $addressedToId })
  AND ($sourceId = '' OR EXISTS { MATCH (s)-[:REPORTED_IN]->(source) WHERE source.id = $sourceId })
WITH s, s.{{orderKey}} AS key
WHERE $afterId = ''
   OR ($reverse = false AND (key > $afterKey OR (key = $afterKey AND s.id > $afterId)))
   OR ($reverse = true AND (key < $afterKey OR (key = $afterKey AND s.id < $afterId)))
RETURN s AS n, key
ORDER BY key {{direction}}, s.id {{direction}}
LIMIT $limit
