// Drops what a run staged for rows it must not keep, found only after the reading pass: rows that
// repeat an earlier row (record keys spilled to disk past `memoryKeys`) and coarse rows whose
// detail the same import states (src/ingest/staging/aggregates.ts). Rare and few, so one scan of
// the run's staged nodes is fine. A staged row is found by its line (sourceRow) and the Excerpt of
// its file version. $at: ["<excerpt element id> <line>"]; $run.
MATCH (n)
WHERE (n:StagedFact OR n:StagedUpdate) AND n.importRun = $run
WITH n, coalesce(n.stagedExcerpt, [(n)-[:STATED_IN]->(e) | elementId(e)][0]) AS excerpt
WHERE excerpt + ' ' + toString(n.sourceRow) IN $at
WITH n, CASE WHEN n:StagedFact THEN 'created' ELSE 'updated' END AS outcome
DETACH DELETE n
RETURN outcome, count(*) AS count
