// policy/applies-in: where each policy is in force (APPLIES_IN).
// Parameters:
//   $ids  policy ids
// Returns: parentId, region, rel (excerptIds).
UNWIND $ids AS parentId
MATCH (:Policy {id: parentId})-[a:APPLIES_IN]->(r:Region)
RETURN parentId, r AS region, properties(a) AS rel
ORDER BY parentId, r.id
