// company/headquarters: where each company is headquartered (HEADQUARTERED_IN).
// Parameters:
//   $ids  company ids, e.g. ['company:changan-automobile']
// Returns: parentId, region, rel (excerptIds).
UNWIND $ids AS parentId
MATCH (:Company {id: parentId})-[h:HEADQUARTERED_IN]->(r:Region)
RETURN parentId, r AS region, properties(h) AS rel
ORDER BY parentId, r.id
