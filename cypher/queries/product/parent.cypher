// product/parent: the HS entry directly above each HS entry (PART_OF: subheading -> heading -> chapter).
// Parameters:
//   $ids  product ids, e.g. ['hs2022:200591']
// Returns: parentId, node.
UNWIND $ids AS parentId
MATCH (:Product {id: parentId})-[:PART_OF]->(p:Product)
RETURN parentId, p AS node
