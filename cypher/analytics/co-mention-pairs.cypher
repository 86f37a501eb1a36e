// Analytics: pairs of entities mentioned together, by number of statements.
MATCH (a:Person|State|Organization|MilitaryUnit|Location|Event)<-[:MENTIONS]-(s:Statement)-[:MENTIONS]->(b:Person|State|Organization|MilitaryUnit|Location|Event)
WHERE a.id < b.id
RETURN a.name AS first, b.name AS second, count(DISTINCT s) AS together
ORDER BY together DESC, first, second
LIMIT 50
