// product/ancestors: every HS entry above each HS entry, nearest first.
// Only paths through HS entries: a named product has no HS ancestors (its categories are product/categories).
// Parameters:
//   $ids  product ids
// Returns: parentId, node, ordered by distance.
UNWIND $ids AS parentId
MATCH path = (:Product {id: parentId})-[:PART_OF*1..6]->(a:Product)
WHERE all(n IN nodes(path) WHERE n.hsCode IS NOT NULL)
RETURN parentId, a AS node
ORDER BY parentId, length(path)
