// One hop of a neighbourhood: every relationship, either direction, of a
// frontier of nodes, capped. Both ends are returned so edges resolve to ids.
UNWIND $ids AS id
MATCH (a:{{labels}} {id: id})-[r]-(b)
RETURN a, r, b
LIMIT $limit
