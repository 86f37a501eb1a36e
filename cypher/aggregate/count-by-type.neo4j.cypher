// Relationship count per type, Neo4j variant (type(r)).
MATCH ()-[r]->()
RETURN type(r) AS name, count(*) AS total
