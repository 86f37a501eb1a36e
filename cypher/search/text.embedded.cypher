// Ranked text search, embedded variant: LadybugDB's full-text index is an
// extension that must be downloaded, so this matches the lower-cased `search`
// property ("name | alias | ...") by substring, and whole names by edit
// distance for typos. Scores: exact name or alias 1.0, name prefix 0.8,
// name or alias substring 0.6, statement text 0.5, near-miss 0.4.
MATCH (n:{{labels}})
WHERE n.search CONTAINS $text
   OR levenshtein(lower(n.name), $text) <= $maxEdits
WITH n, lower(n.name) AS name, ' | ' + n.search + ' | ' AS terms
WITH n,
     CASE
       WHEN label(n) = 'Statement' THEN CASE WHEN n.search CONTAINS $text THEN 0.5 ELSE 0.4 END
       WHEN name = $text OR terms CONTAINS (' | ' + $text + ' | ') THEN 1.0
       WHEN name STARTS WITH $text THEN 0.8
       WHEN n.search CONTAINS $text THEN 0.6
       ELSE 0.4
     END AS score
RETURN n AS node, score
ORDER BY score DESC, n.name, n.id
LIMIT $limit
