// Ranked text search, embedded variant: LadybugDB's full-text index is an
// extension that must be downloaded, so this matches the lower-cased `search`
// property by substring, and whole names by edit distance for typos.
// Score: exact name 1.0, name prefix 0.8, substring 0.6, near-miss 0.4.
MATCH (n:{{labels}})
WHERE n.search CONTAINS $text
   OR levenshtein(lower(n.name), $text) <= $maxEdits
WITH n,
     CASE
       WHEN lower(n.name) = $text THEN 1.0
       WHEN lower(n.name) STARTS WITH $text THEN 0.8
       WHEN n.search CONTAINS $text THEN 0.6
       ELSE 0.4
     END AS score
RETURN n AS node, score
ORDER BY score DESC, n.name, n.id
LIMIT $limit
