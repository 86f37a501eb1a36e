// Removes the {{type}} relationship between two nodes, if there is one.
MATCH (a:{{fromLabel}} {id: $from})-[r:{{type}}]->(b:{{toLabel}} {id: $to})
DELETE r
RETURN count(*) AS removed
