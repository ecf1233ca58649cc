// aggregates/source-counts: `sourceCount` of every fact, the number of distinct sources its
// excerpts are quoted from (STATED_IN, EXCERPT_OF), written where missing or stale (run after every
// import by src/neo4j/aggregates.ts; migration 008 writes it on an existing graph). Indexed
// (fact_source_count), so `facts(filter: {maxSources: 1})` reads one property per fact instead of
// counting sources twice per fact. Committed in batches: a graph holds millions of facts.
MATCH (n:Fact)
CALL (n) {
  WITH n, COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s } AS sourceCount
  WITH n, sourceCount WHERE n.sourceCount IS NULL OR n.sourceCount <> sourceCount
  SET n.sourceCount = sourceCount
} IN TRANSACTIONS OF 10000 ROWS
