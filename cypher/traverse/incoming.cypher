// For a batch of parents: the nodes at the start of their incoming {{type}}
// relationships, with the relationship's properties, at most $limit per
// parent, in a stable order ({{orderKey}}, then id).
UNWIND $ids AS parentId
MATCH (parent:{{parentLabels}} {id: parentId})<-[rel:{{type}}]-(node:{{nodeLabels}})
WITH parentId, rel, node
ORDER BY parentId, node.{{orderKey}}, node.id
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items
