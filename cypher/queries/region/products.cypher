// region/products: products originating in each region or a region inside it (ORIGINATES_IN).
// Parameters:
//   $ids    region ids, e.g. ['gb:500240'] (Shizhu)
//   $limit  integer: maximum products per parent
// Returns: parentId, node (a Product), by name.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Region {id: parentId})<-[:PART_OF*0..12]-(:Region)<-[:ORIGINATES_IN]-(p:Product)
  WITH DISTINCT p
  RETURN p
  ORDER BY toLower(p.name), p.id
  LIMIT $limit
}
RETURN parentId, p AS node
