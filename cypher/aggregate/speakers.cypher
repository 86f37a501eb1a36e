// Actors ranked by how many statements they made.
MATCH (a:Person|Organization|State)-[:MADE]->(s:Statement)
WITH a, count(DISTINCT s) AS made
RETURN a AS node, made AS total
ORDER BY total DESC, a.name, a.id
LIMIT $limit
