// aggregates/touched-source-counts: aggregates/source-counts for the facts whose sources an import
// may have changed only: the facts it wrote ($touched.Fact) and every fact stated in an excerpt it
// wrote ($touched.Excerpt: a staged Comtrade run's file versions, an excerpt whose source moved).
// A fact's sources are its excerpts' (STATED_IN, owned by the fact's record) sources (EXCERPT_OF,
// owned by the excerpt's record), so no other fact's count can change. Committed in batches.
CALL () {
  UNWIND coalesce($touched.Fact, []) AS id MATCH (n:Fact {id: id}) RETURN n
  UNION
  UNWIND coalesce($touched.Excerpt, []) AS id MATCH (:Excerpt {id: id})<-[:STATED_IN]-(n:Fact) RETURN n
}
CALL (n) {
  WITH n, COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s } AS sourceCount
  WITH n, sourceCount WHERE n.sourceCount IS NULL OR n.sourceCount <> sourceCount
  SET n.sourceCount = sourceCount
} IN TRANSACTIONS OF 10000 ROWS
