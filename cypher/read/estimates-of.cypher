// Estimates about one entity, and the statements that gave them.
MATCH (e:Estimate)-[:ESTIMATES]->(n:{{label}} {id: $id})
MATCH (e)-[:ATTRIBUTED_TO]->(s:Statement)
RETURN e.id AS estimateId, s.id AS statementId
