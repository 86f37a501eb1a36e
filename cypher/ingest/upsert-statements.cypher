// Creates or updates ingested statements, with their evidence. Apart from
// write/upsert-statements because every ingested row has its offsets: the
// embedded binder types a column that is null in every row as STRING, which
// an INT64 property refuses.
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
    n.attribution = row.attribution,
    n.evidence = row.evidence,
    n.evidenceStart = row.evidenceStart,
    n.evidenceEnd = row.evidenceEnd,
    n.search = row.search
RETURN n
