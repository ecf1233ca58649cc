// region/children: the regions directly inside each region, by name (at most $limit per parent).
// Parameters:
//   $ids    region ids
//   $limit  integer: maximum children per parent
// Returns: parentId, node (a Region).
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Region {id: parentId})<-[:PART_OF]-(c:Region)
  RETURN c
  ORDER BY toLower(c.name), c.id
  LIMIT $limit
}
RETURN parentId, c AS node
