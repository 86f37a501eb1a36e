// neighborhood/expand as of a date: only relationships to nodes visible as of
// $asOf (docs/sources.md, "The graph as of a date"), dates compared on the day
// as in traverse/outgoing-statements-as-of. A node is visible when it is
// - a source published on or before $asOf,
// - a statement (or event) reported in such a source,
// - a figure given in such a statement,
// - an entity that made, is mentioned in or addressed by such a statement,
// - or an entity with a relationship entered as a fact ({{factTypes}}: roles,
//   relations, memberships, events, places), which stays in every view.
// Used only when `neighborhood` is given `asOf`.
MATCH (a:{{labels}})
WHERE a.id IN $ids
MATCH (a)-[r]-(b)
WHERE left(b.publishedAt, 10) <= $asOf
   OR EXISTS {
     MATCH (b)-[:REPORTED_IN]->(src:Source)
     WHERE left(src.publishedAt, 10) <= $asOf
   }
   OR EXISTS {
     MATCH (b)-[:ATTRIBUTED_TO]->(:Statement)-[:REPORTED_IN]->(src:Source)
     WHERE left(src.publishedAt, 10) <= $asOf
   }
   OR EXISTS {
     MATCH (b)-[:MADE|MENTIONS|ADDRESSED_TO]-(:Statement)-[:REPORTED_IN]->(src:Source)
     WHERE left(src.publishedAt, 10) <= $asOf
   }
   OR EXISTS { MATCH (b)-[:{{factTypes}}]-() }
RETURN a, r, b
LIMIT $limit
