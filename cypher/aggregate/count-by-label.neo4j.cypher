// Node count per label, Neo4j variant (labels(n) returns a list).
MATCH (n)
RETURN labels(n)[0] AS name, count(*) AS total
