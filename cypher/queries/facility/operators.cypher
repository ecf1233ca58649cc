// facility/operators: the companies operating each facility (OPERATES).
// Parameters:
//   $ids  facility ids
// Returns: parentId, node (a Company).
UNWIND $ids AS parentId
MATCH (:Facility {id: parentId})<-[:OPERATES]-(c:Company)
RETURN parentId, c AS node
ORDER BY parentId, c.id
