// The total behind a page of read/statement-page-by-speaker: the same start
// from the speaker, the same filters, counted.
MATCH (anchor:{{anchorLabels}})
WHERE anchor.id = $speakerId
MATCH (anchor)-[:MADE]->(s:Statement)
WHERE ($kind = '' OR s.kind = $kind)
  AND ($textContains = '' OR s.search CONTAINS $textContains)
  AND ($mentionsId = '' OR EXISTS { MATCH (s)-[:MENTIONS]->(mentioned) WHERE mentioned.id = $mentionsId })
  AND ($addressedToId = '' OR EXISTS { MATCH (s)-[:ADDRESSED_TO]->(addressee) WHERE addressee.id = $addressedToId })
  AND ($sourceId = '' OR EXISTS { MATCH (s)-[:REPORTED_IN]->(source) WHERE source.id = $sourceId })
RETURN count(s) AS total
