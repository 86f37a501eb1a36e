// Records who trains a military unit, and in what.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:TRAINED_BY]->(b)
SET r.disciplines = row.disciplines
RETURN a, r, b
