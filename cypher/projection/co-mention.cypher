// Projection for graph algorithms: entities linked when one statement mentions
// both, weighted by the number of such statements. One row per pair (a.id < b.id);
// the algorithms read it as an undirected graph.
MATCH (a:Person|State|Organization|MilitaryUnit|Location|Event)<-[:MENTIONS]-(s:Statement)-[:MENTIONS]->(b:Person|State|Organization|MilitaryUnit|Location|Event)
WHERE a.id < b.id
RETURN a.id AS source, b.id AS target, count(DISTINCT s) AS weight
