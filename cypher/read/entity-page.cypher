// One page of nodes of one label in keyset order ({{orderKey}}, then id).
// Filters are optional: an empty string or list means "no filter", because
// the embedded engine cannot type a null parameter.
MATCH (n:{{label}})
WHERE ($nameContains = '' OR n.search CONTAINS $nameContains)
  AND ($category = '' OR toLower(n.category) = toLower($category))
  AND (size($ids) = 0 OR n.id IN $ids)
WITH n, n.{{orderKey}} AS key
WHERE $afterId = ''
   OR ($reverse = false AND (key > $afterKey OR (key = $afterKey AND n.id > $afterId)))
   OR ($reverse = true AND (key < $afterKey OR (key = $afterKey AND n.id < $afterId)))
RETURN n, key
ORDER BY key {{direction}}, n.id {{direction}}
LIMIT $limit
