// Creates the entities a plan proposes, one label per query. ON CREATE only:
// an entity that already exists keeps every stored property.
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
ON CREATE SET n.name = row.name,
    n.aliases = row.aliases,
    n.description = row.description,
    n.category = row.category,
    n.timeText = row.timeText,
    n.date = row.date,
    n.search = row.search
RETURN n
