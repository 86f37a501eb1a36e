// Which of these ids the graph already uses, whatever the label: new ids are
// chosen around them. An IN list and only the id column, because this runs
// once per commit and LadybugDB scans less for IN than for UNWIND + MATCH.
MATCH (n:{{labels}})
WHERE n.id IN $ids
RETURN n.id AS id
