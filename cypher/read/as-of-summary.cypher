// How the sources divide as of a date: published on or before $asOf (compared
// on the date, as every asOf view does), published after it, and undated
// (null publishedAt), which every asOf view leaves out.
MATCH (s:Source)
RETURN sum(CASE WHEN left(s.publishedAt, 10) <= $asOf THEN 1 ELSE 0 END) AS included,
       sum(CASE WHEN left(s.publishedAt, 10) > $asOf THEN 1 ELSE 0 END) AS after,
       sum(CASE WHEN s.publishedAt IS NULL THEN 1 ELSE 0 END) AS undated
