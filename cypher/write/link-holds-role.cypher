// Links a person to a state or organization with a role.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:HOLDS_ROLE]->(b)
SET r.title = row.title, r.since = row.since, r.until = row.until
RETURN a, r, b
