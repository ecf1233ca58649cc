// facility/locations: where each facility is (LOCATED_IN); see also Facility.locationNote.
// Parameters:
//   $ids  facility ids
// Returns: parentId, region, rel (excerptIds).
UNWIND $ids AS parentId
MATCH (:Facility {id: parentId})-[l:LOCATED_IN]->(r:Region)
RETURN parentId, r AS region, properties(l) AS rel
ORDER BY parentId, r.id
