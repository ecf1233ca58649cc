// product/origins: the regions each product originates in (ORIGINATES_IN: specialties).
// Parameters:
//   $ids  product ids, e.g. ['product:shizhu-water-shield']
// Returns: parentId, region, rel (excerptIds).
UNWIND $ids AS parentId
MATCH (:Product {id: parentId})-[o:ORIGINATES_IN]->(r:Region)
RETURN parentId, r AS region, properties(o) AS rel
ORDER BY parentId, r.id
