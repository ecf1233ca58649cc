// aggregates/concentration-clear: removes the stored concentration summaries before
// aggregates/concentration writes them again (run after every import by src/neo4j/aggregates.ts).
MATCH (s:ConcentrationSummary)
CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS
