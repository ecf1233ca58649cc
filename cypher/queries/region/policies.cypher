// region/policies: policies in force in each region: applying to it or to a region containing it.
// Parameters:
//   $ids    region ids
//   $limit  integer: maximum policies per parent
// Returns: parentId, node (a Policy), by name.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Region {id: parentId})-[:PART_OF*0..12]->(:Region)<-[:APPLIES_IN]-(p:Policy)
  WITH DISTINCT p
  RETURN p
  ORDER BY toLower(p.name), p.id
  LIMIT $limit
}
RETURN parentId, p AS node
