// provenance/excerpts: the excerpts that state each entity or fact (STATED_IN).
// Parameters:
//   $ids  graph ids of the entities or facts, e.g. ['figure:cq-2024-automobile-export-growth']
// Returns: parentId, node (an Excerpt), ordered by excerpt id.
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
MATCH (n)-[:STATED_IN]->(e:Excerpt)
RETURN parentId, e AS node
ORDER BY e.id
