// Drops what a run staged for rows found to repeat an earlier row only after the reading pass
// (record keys spilled to disk past `memoryKeys`; rare, so one scan of the staged nodes is fine).
// A staged row is found by its line (sourceRow) and the Excerpt of its file version.
// $at: ["<excerpt element id> <line>"] of the later rows; $run.
MATCH (n)
WHERE (n:StagedFact OR n:StagedUpdate) AND n.importRun = $run
WITH n, coalesce(n.stagedExcerpt, [(n)-[:STATED_IN]->(e) | elementId(e)][0]) AS excerpt
WHERE excerpt + ' ' + toString(n.sourceRow) IN $at
WITH n, CASE WHEN n:StagedFact THEN 'created' ELSE 'updated' END AS outcome
DETACH DELETE n
RETURN outcome, count(*) AS count
