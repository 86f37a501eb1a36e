// The total behind a page of read/entity-page: the same filters, counted.
MATCH (n:{{label}})
WHERE ($nameContains = '' OR n.search CONTAINS $nameContains)
  AND ($category = '' OR toLower(n.category) = toLower($category))
  AND (size($ids) = 0 OR n.id IN $ids)
RETURN count(n) AS total
