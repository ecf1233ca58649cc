// product/parent: the HS entry directly above each HS entry (PART_OF: subheading -> heading -> chapter).
// Only HS entries on both ends: PART_OF between named products is a category (product/categories).
// Parameters:
//   $ids  product ids, e.g. ['hs2022:200591']
// Returns: parentId, node.
UNWIND $ids AS parentId
MATCH (c:Product {id: parentId})-[:PART_OF]->(p:Product)
WHERE c.hsCode IS NOT NULL AND p.hsCode IS NOT NULL
RETURN parentId, p AS node
