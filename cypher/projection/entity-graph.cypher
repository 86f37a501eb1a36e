// Projection for graph algorithms (the whole graph): every node with the ids
// its outgoing relationships point to, one id per relationship. A link's
// weight is the number of relationships (see src/analytics/projections.ts).
MATCH (a)-[]->(b)
RETURN a.id AS source, collect(b.id) AS targets
