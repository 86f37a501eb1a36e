// For a batch of parents: how many incoming {{type}} relationships each has
// from nodes of {{nodeLabels}}. (`IN $ids`: see traverse/outgoing.)
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)<-[rel:{{type}}]-(:{{nodeLabels}})
RETURN parent.id AS parentId, count(rel) AS total
