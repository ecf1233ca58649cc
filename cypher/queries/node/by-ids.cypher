// node/by-ids: the entities with the given graph ids, whatever their label (Relay node/nodes).
// Parameters:
//   $ids  list of graph ids, e.g. ['iso:THA', 'company:changan-automobile']
// Returns one row per id found: parentId (the id asked for), node.
// Each label is looked up through its unique-id index (one seek per label), never by a label scan.
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
RETURN parentId, n AS node
