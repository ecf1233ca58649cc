// product/ancestors: every HS entry above each HS entry, nearest first.
// Parameters:
//   $ids  product ids
// Returns: parentId, node, ordered by distance.
UNWIND $ids AS parentId
MATCH path = (:Product {id: parentId})-[:PART_OF*1..6]->(a:Product)
RETURN parentId, a AS node
ORDER BY parentId, length(path)
