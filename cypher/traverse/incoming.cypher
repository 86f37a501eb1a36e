// For a batch of parents: the nodes at the start of their incoming {{type}}
// relationships, with the relationship's properties, at most $limit per
// parent, in a stable order ({{orderKey}}, then id).
// `parent.id IN $ids` (rather than UNWIND + a property map) lets LadybugDB
// use its primary-key index: 10-20x faster at 100k nodes (docs/performance.md);
// Neo4j plans it as an index seek per label.
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)<-[rel:{{type}}]-(node:{{nodeLabels}})
WITH parent.id AS parentId, rel, node
ORDER BY parentId, node.{{orderKey}}, node.id
// SKIP 0 skips nothing: LadybugDB refuses ORDER BY in WITH unless SKIP or LIMIT follows.
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items
