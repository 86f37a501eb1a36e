// For a batch of parents: like traverse/outgoing, but newest first by the
// relationship's ISO date {{dateKey}} (undated last), then {{orderKey}}, then
// id. The cut at $limit per parent then keeps the most recent entries, as
// the schema promises (Person.roles by `since`, MilitaryUnit.deployments by
// `asOf`); ordering after the cut could drop the newest one.
// coalesce(…, '') puts undated entries last in both engines (Neo4j sorts
// nulls first in DESC).
MATCH (parent:{{parentLabels}})
WHERE parent.id IN $ids
MATCH (parent)-[rel:{{type}}]->(node:{{nodeLabels}})
WITH parent.id AS parentId, rel, node, coalesce(rel.{{dateKey}}, '') AS dated
ORDER BY parentId, dated DESC, node.{{orderKey}}, node.id
SKIP 0
WITH parentId, collect({rel: rel, node: node}) AS items
RETURN parentId, items[0..$limit] AS items
