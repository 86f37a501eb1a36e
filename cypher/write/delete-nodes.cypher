// Deletes nodes of one label with all their relationships.
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
DETACH DELETE n
