// The source already ingested with this content hash, if any: re-ingesting the same text is a no-op.
MATCH (s:Source)
WHERE s.contentHash = $contentHash
RETURN s.id AS id
ORDER BY id
LIMIT 1
