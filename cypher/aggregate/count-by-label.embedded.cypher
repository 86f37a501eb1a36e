// Node count per label, embedded variant (label(n) returns the table name).
MATCH (n)
RETURN label(n) AS name, count(*) AS total
