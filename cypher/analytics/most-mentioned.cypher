// Analytics: the 25 entities mentioned by the most statements.
MATCH (s:Statement)-[:MENTIONS]->(n:Person|State|Organization|MilitaryUnit|Location|Event)
RETURN n.id AS id, n.name AS name, count(DISTINCT s) AS mentions
ORDER BY mentions DESC, name, id
LIMIT 25
