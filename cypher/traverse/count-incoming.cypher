// For a batch of parents: how many incoming {{type}} relationships each has
// from nodes of {{nodeLabels}}.
UNWIND $ids AS parentId
MATCH (parent:{{parentLabels}} {id: parentId})<-[rel:{{type}}]-(:{{nodeLabels}})
RETURN parentId, count(rel) AS total
