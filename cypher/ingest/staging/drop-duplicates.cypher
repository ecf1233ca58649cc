// Drops what a run staged for rows found to repeat an earlier row only after the reading pass
// (record keys spilled to disk past `memoryKeys`; rare, so a scan of the staged nodes is fine).
// $at: ["fileIndex:line"] of the later rows.
MATCH (n)
WHERE (n:StagedFact OR n:StagedUpdate) AND n.stagedAt IN $at
WITH n, CASE WHEN n:StagedFact THEN 'created' ELSE 'updated' END AS outcome
DETACH DELETE n
RETURN outcome, count(*) AS count
