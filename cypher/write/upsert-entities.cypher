// Creates or updates entities of one label. Every row carries every column.
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
SET n.name = row.name,
    n.aliases = row.aliases,
    n.description = row.description,
    n.category = row.category,
    n.timeText = row.timeText,
    n.date = row.date,
    n.externalIds = row.externalIds,
    n.search = row.search
RETURN n
