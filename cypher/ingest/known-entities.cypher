// Every entity of the given labels, for the extractor to resolve mentions against.
MATCH (n:{{labels}})
RETURN n
ORDER BY n.id
