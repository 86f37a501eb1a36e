// Shortest connection between two nodes in either direction, Neo4j variant:
// shortestPath() with a fixed upper bound (bounds cannot be parameters); the
// caller applies the requested maxHops.
MATCH (a:{{labels}} {id: $from})
MATCH (b:{{labels}} {id: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN nodes(p) AS nodes, relationships(p) AS relationships
