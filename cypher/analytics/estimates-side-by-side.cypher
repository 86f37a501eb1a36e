// Analytics: every numeric estimate with its subject, speaker and source,
// so that disagreeing figures can be read next to each other. A figure the
// source states in its own voice (a REPORTED statement) has no speaker: its
// saidBy is null and the source answers for it.
MATCH (e:Estimate)-[:ESTIMATES]->(subject)
MATCH (e)-[:ATTRIBUTED_TO]->(s:Statement)-[:REPORTED_IN]->(src:Source)
OPTIONAL MATCH (speaker)-[:MADE]->(s)
RETURN subject.name AS subjectName, e.qualifier AS qualifier, e.value AS value, e.unit AS unit,
       e.scope AS scope, speaker.name AS saidBy, src.title AS source
ORDER BY subjectName, value DESC, saidBy, e.id
