// Sets one property ({{key}}) on {{type}} relationships, one value per row.
// write/link merges the relationships first; the link writes then set every
// property the model gives the type this way (src/graph/queries), so adding
// a property to the model needs no new query and none can be left out.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})-[r:{{type}}]->(b:{{toLabel}} {id: row.to})
SET r.{{key}} = row.value
RETURN a, r, b
