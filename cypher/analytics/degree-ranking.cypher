// Analytics: nodes ranked by degree (relationships in either direction).
MATCH (n)-[r]-()
RETURN n.id AS id, n.name AS name, count(r) AS degree
ORDER BY degree DESC, id
LIMIT 25
