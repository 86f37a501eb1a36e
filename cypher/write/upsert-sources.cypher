// Creates or updates sources. Every row carries every column.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n.name = row.name,
    n.title = row.title,
    n.publisher = row.publisher,
    n.url = row.url,
    n.publishedAt = row.publishedAt,
    n.text = row.text,
    n.contentHash = row.contentHash,
    n.search = row.search
RETURN n
