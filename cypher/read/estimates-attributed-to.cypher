// Estimates that statements gave: deleted with those statements.
UNWIND $ids AS id
MATCH (e:Estimate)-[:ATTRIBUTED_TO]->(s:Statement {id: id})
RETURN DISTINCT e.id AS id
