// The total behind a page of read/source-page: the same filters, counted.
MATCH (n:Source)
WHERE ($nameContains = '' OR n.search CONTAINS $nameContains)
  AND (size($ids) = 0 OR n.id IN $ids)
RETURN count(n) AS total
