// Entities mentioned in the same statements as the given one, with how often.
MATCH (n:{{labels}} {id: $id})<-[:MENTIONS]-(s:Statement)-[:MENTIONS]->(other:{{labels}})
WHERE other.id <> $id
WITH other, count(DISTINCT s) AS together
RETURN other AS node, together AS total
ORDER BY total DESC, other.name, other.id
LIMIT $limit
