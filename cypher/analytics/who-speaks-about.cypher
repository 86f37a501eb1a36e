// Analytics: who speaks about one entity, as paths speaker -MADE-> statement
// -MENTIONS-> entity (a graph in the explorer's Cypher console).
// @params {"id": "north-korea"}
MATCH p = (speaker:Person|Organization|State)-[:MADE]->(s:Statement)-[:MENTIONS]->(subject:Person|State|Organization|MilitaryUnit|Location|Event {id: $id})
RETURN p
ORDER BY s.id, speaker.id
LIMIT 25
