// Records that an actor or unit took part in an event, with its role.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:PARTICIPATED_IN]->(b)
SET r.role = row.role
RETURN a, r, b
