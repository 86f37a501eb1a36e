// Statements made by one actor: they depend on it (deleteEntity checks them).
MATCH (a:{{label}} {id: $id})-[:MADE]->(s:Statement)
RETURN s.id AS id
