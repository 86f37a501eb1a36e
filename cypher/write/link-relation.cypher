// Relates two polities. One relationship per ordered pair; its kind can change.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:RELATION]->(b)
SET r.kind = row.kind, r.since = row.since, r.description = row.description
RETURN a, r, b
