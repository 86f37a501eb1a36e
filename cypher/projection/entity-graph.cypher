// Projection for graph algorithms: every relationship of the graph between two
// distinct nodes, weighted by how many relationships join them. Directed.
MATCH (a)-[r]->(b)
WHERE a.id <> b.id
RETURN a.id AS source, b.id AS target, count(r) AS weight
