// product/children: the HS entries directly below each HS entry, by code (at most $limit per parent).
// Parameters:
//   $ids    product ids, e.g. ['hs2022:87']
//   $limit  integer
// Returns: parentId, node.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Product {id: parentId})<-[:PART_OF]-(c:Product)
  RETURN c
  ORDER BY c.hsCode, c.id
  LIMIT $limit
}
RETURN parentId, c AS node
