// Creates or updates statements. Every row carries every column.
UNWIND $rows AS row
MERGE (n:Statement {id: row.id})
SET n.name = row.name,
    n.text = row.text,
    n.kind = row.kind,
    n.hedge = row.hedge,
    n.context = row.context,
    n.timeText = row.timeText,
    n.saidAt = row.saidAt,
    n.ordinal = row.ordinal,
    n.search = row.search
RETURN n
