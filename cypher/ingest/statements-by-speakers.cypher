// The statements the given speakers already made, for an ingest plan to
// match its own statements against: a report that repeats a claim links the
// existing statement to its source instead of creating a second one.
MATCH (a:{{labels}})-[:MADE]->(s:Statement)
WHERE a.id IN $ids
RETURN a.id AS speakerId, s.id AS id, s.kind AS kind, s.text AS text
ORDER BY speakerId, id
