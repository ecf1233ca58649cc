// provenance/sources: the distinct sources quoted by the excerpts that state each entity or fact.
// Parameters:
//   $ids  graph ids of the entities or facts
// Returns: parentId, node (a Source), ordered by source id.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (n:Region {id: parentId}) RETURN n
  UNION ALL MATCH (n:Market {id: parentId}) RETURN n
  UNION ALL MATCH (n:Company {id: parentId}) RETURN n
  UNION ALL MATCH (n:Product {id: parentId}) RETURN n
  UNION ALL MATCH (n:Policy {id: parentId}) RETURN n
  UNION ALL MATCH (n:Facility {id: parentId}) RETURN n
  UNION ALL MATCH (n:Fact {id: parentId}) RETURN n
  UNION ALL MATCH (n:Source {id: parentId}) RETURN n
  UNION ALL MATCH (n:Excerpt {id: parentId}) RETURN n
}
MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source)
WITH DISTINCT parentId, s
RETURN parentId, s AS node
ORDER BY s.id
