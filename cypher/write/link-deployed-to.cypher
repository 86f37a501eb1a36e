// Deploys a military unit to a place, with its status and as-of date.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:DEPLOYED_TO]->(b)
SET r.status = row.status, r.asOf = row.asOf
RETURN a, r, b
