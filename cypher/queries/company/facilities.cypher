// company/facilities: the facilities each company operates (OPERATES).
// Parameters:
//   $ids  company ids
// Returns: parentId, node (a Facility), by name.
UNWIND $ids AS parentId
MATCH (:Company {id: parentId})-[:OPERATES]->(f:Facility)
RETURN parentId, f AS node
ORDER BY parentId, toLower(f.name), f.id
