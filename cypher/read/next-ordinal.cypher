// The reading position a new statement takes in its source.
OPTIONAL MATCH (s:Statement)-[:REPORTED_IN]->(:Source {id: $sourceId})
RETURN coalesce(max(s.ordinal), 0) + 1 AS next
