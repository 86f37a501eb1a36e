// Projection for graph algorithms: speaker -> entity their statements mention,
// weighted by the number of statements. Directed.
MATCH (speaker:Person|Organization|State)-[:MADE]->(s:Statement)-[:MENTIONS]->(subject:Person|State|Organization|MilitaryUnit|Location|Event)
WHERE speaker.id <> subject.id
RETURN speaker.id AS source, subject.id AS target, count(DISTINCT s) AS weight
