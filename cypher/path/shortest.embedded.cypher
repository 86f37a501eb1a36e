// Shortest connection between two nodes in either direction, embedded
// variant: LadybugDB's `* SHORTEST` recursive pattern, same fixed bound as
// the Neo4j variant; the caller applies the requested maxHops.
MATCH p = (a:{{labels}})-[* SHORTEST 1..6]-(b:{{labels}})
WHERE a.id = $from AND b.id = $to
RETURN nodes(p) AS nodes, rels(p) AS relationships
