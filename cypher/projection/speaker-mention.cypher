// Projection for graph algorithms (speaker -> mentioned network): for each
// statement and each of its speakers, the entities it mentions. A link's
// weight is the number of statements (see src/analytics/projections.ts).
MATCH (s:Statement)-[:MENTIONS]->(n:Person|State|Organization|MilitaryUnit|Location|Event)
WITH s, collect(DISTINCT n.id) AS mentioned
MATCH (speaker:Person|Organization|State)-[:MADE]->(s)
RETURN speaker.id AS speaker, mentioned
