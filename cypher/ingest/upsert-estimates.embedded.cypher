// Creates or updates estimates in one batch. Values travel as strings because
// a list of rows must have one type per field, and a figure may be whole or
// fractional; LadybugDB has no toFloat, so the cast is CAST.
UNWIND $rows AS row
MERGE (n:Estimate {id: row.id})
SET n.name = row.name,
    n.value = CAST(row.value AS DOUBLE),
    n.unit = row.unit,
    n.qualifier = row.qualifier,
    n.scope = row.scope,
    n.search = row.search
RETURN n
