// product/children: the HS entries directly below each HS entry, by code (at most $limit per parent).
// Only HS entries on both ends: PART_OF between named products is a category (product/members).
// Parameters:
//   $ids    product ids, e.g. ['hs2022:87']
//   $limit  integer
// Returns: parentId, node.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (p:Product {id: parentId})<-[:PART_OF]-(c:Product)
  WHERE p.hsCode IS NOT NULL AND c.hsCode IS NOT NULL
  RETURN c
  ORDER BY c.hsCode, c.id
  LIMIT $limit
}
RETURN parentId, c AS node
