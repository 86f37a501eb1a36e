// Links pairs of nodes by a relationship type without properties. MERGE makes it idempotent.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:{{type}}]->(b)
RETURN a, r, b
