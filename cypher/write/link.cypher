// Links pairs of nodes by a relationship type. MERGE makes it idempotent;
// the type's properties are set next, by write/set-link-property.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:{{type}}]->(b)
RETURN a, r, b
