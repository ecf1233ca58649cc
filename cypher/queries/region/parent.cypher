// region/parent: the region directly containing each region (PART_OF).
// Parameters:
//   $ids  region ids, e.g. ['gb:500156']
// Returns: parentId, node (the containing Region).
UNWIND $ids AS parentId
MATCH (:Region {id: parentId})-[:PART_OF]->(p:Region)
RETURN parentId, p AS node
