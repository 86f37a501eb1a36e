// Nodes by id among the given labels: one query for a whole batch of ids.
UNWIND $ids AS id
MATCH (n:{{labels}} {id: id})
RETURN id, n
