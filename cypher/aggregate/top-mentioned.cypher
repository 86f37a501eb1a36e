// Entities ranked by how many statements mention them.
MATCH (s:Statement)-[:MENTIONS]->(n:{{labels}})
WITH n, count(DISTINCT s) AS mentions
RETURN n AS node, mentions AS total
ORDER BY total DESC, n.name, n.id
LIMIT $limit
