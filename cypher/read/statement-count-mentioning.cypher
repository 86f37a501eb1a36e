// The total behind a page of read/statement-page-mentioning: the same start
// from the mentioned entity, the same filters, counted.
MATCH (anchor:{{anchorLabels}})
WHERE anchor.id = $mentionsId
MATCH (s:Statement)-[:MENTIONS]->(anchor)
WHERE ($kind = '' OR s.kind = $kind)
  AND ($textContains = '' OR s.search CONTAINS $textContains)
  AND ($speakerId = '' OR EXISTS { MATCH (s)<-[:MADE]-(speaker) WHERE speaker.id = $speakerId })
  AND ($addressedToId = '' OR EXISTS { MATCH (s)-[:ADDRESSED_TO]->(addressee) WHERE addressee.id = $addressedToId })
  AND ($sourceId = '' OR EXISTS { MATCH (s)-[:REPORTED_IN]->(source) WHERE source.id = $sourceId })
RETURN count(s) AS total
