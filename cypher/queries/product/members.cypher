// product/members: the narrower named products PART_OF each named product (a category),
// e.g. product:consumer-goods <- product:beef. Never HS entries (the HS tree is product/children).
// Parameters:
//   $ids    product ids, e.g. ['product:consumer-goods']
//   $limit  integer
// Returns: parentId, member, category, rel (excerptIds, note), by member name.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (c:Product {id: parentId})<-[r:PART_OF]-(m:Product)
  WHERE c.hsCode IS NULL AND m.hsCode IS NULL
  RETURN c, m, r
  ORDER BY toLower(m.name), m.id
  LIMIT $limit
}
RETURN parentId, m AS member, c AS category, properties(r) AS rel
