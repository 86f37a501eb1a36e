// Relationship count per type, embedded variant (label(r) names the rel table).
MATCH ()-[r]->()
RETURN label(r) AS name, count(*) AS total
