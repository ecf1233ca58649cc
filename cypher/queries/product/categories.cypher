// product/categories: the broader named products each named product is PART_OF (its categories),
// e.g. product:beef -> product:consumer-goods. Never HS entries (the HS tree is product/parent).
// Parameters:
//   $ids  product ids, e.g. ['product:beef']
// Returns: parentId, member, category, rel (excerptIds, note), by category name.
UNWIND $ids AS parentId
MATCH (m:Product {id: parentId})-[r:PART_OF]->(c:Product)
WHERE m.hsCode IS NULL AND c.hsCode IS NULL
RETURN parentId, m AS member, c AS category, properties(r) AS rel
ORDER BY parentId, toLower(c.name), c.id
