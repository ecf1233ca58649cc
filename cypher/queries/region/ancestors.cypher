// region/ancestors: every region containing each region, nearest first.
// Parameters:
//   $ids  region ids
// Returns: parentId, node (a containing Region), ordered by distance.
UNWIND $ids AS parentId
MATCH path = (:Region {id: parentId})-[:PART_OF*1..12]->(a:Region)
RETURN parentId, a AS node
ORDER BY parentId, length(path)
