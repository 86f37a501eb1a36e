// Clears one property ({{key}}) on {{type}} relationships. The link writes
// use it instead of write/set-link-property when the batch gives the
// property no value at all: the embedded binder types a column that is null
// in every row as STRING, which a property of another type refuses.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})-[r:{{type}}]->(b:{{toLabel}} {id: row.to})
SET r.{{key}} = NULL
RETURN a, r, b
