// One page of sources in keyset order (name, which is the title, then id).
// Sources have no category and no orderBy, so unlike read/entity-page this
// query has no category filter (the embedded binder rejects n.category on
// Source) and no slots. Empty filter values mean "no filter".
MATCH (n:Source)
WHERE ($nameContains = '' OR n.search CONTAINS $nameContains)
  AND (size($ids) = 0 OR n.id IN $ids)
WITH n, n.name AS key
WHERE $afterId = '' OR key > $afterKey OR (key = $afterKey AND n.id > $afterId)
RETURN n, key
ORDER BY key ASC, n.id ASC
LIMIT $limit
