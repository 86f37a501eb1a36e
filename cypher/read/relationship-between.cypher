// The {{type}} relationship from one node to another, with its properties:
// one row when it exists, none otherwise. A direct match on both ends, so it
// does not depend on how many other {{type}} relationships either end has.
MATCH (a:{{fromLabel}} {id: $from})-[r:{{type}}]->(b:{{toLabel}} {id: $to})
RETURN a, r, b
LIMIT 1
