// Analytics: speaker -> mentioned entity, with how many statements link them.
MATCH (speaker:Person|Organization|State)-[:MADE]->(s:Statement)-[:MENTIONS]->(subject:Person|State|Organization|MilitaryUnit|Location|Event)
WHERE speaker.id <> subject.id
RETURN speaker.name AS speakerName, subject.name AS subjectName, count(DISTINCT s) AS statements
ORDER BY statements DESC, speakerName, subjectName
LIMIT 50
