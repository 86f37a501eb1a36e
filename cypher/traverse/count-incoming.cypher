// For a batch of parents: how many incoming {{type}} relationships each has.
UNWIND $ids AS parentId
MATCH (parent:{{parentLabels}} {id: parentId})<-[rel:{{type}}]-()
RETURN parentId, count(rel) AS total
