// How many relationships touch the given nodes.
UNWIND $ids AS id
MATCH (n:{{labels}} {id: id})-[r]-()
RETURN count(r) AS total
