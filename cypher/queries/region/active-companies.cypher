// region/active-companies: the companies active in each region (ACTIVE_IN to the region itself;
// headquarters and facilities are Region.companies).
// Parameters:
//   $ids  region ids, e.g. ['iso:THA']
// Returns: parentId, company, place (the region), rel (excerptIds, note), by company name.
UNWIND $ids AS parentId
MATCH (p:Region {id: parentId})<-[a:ACTIVE_IN]-(c:Company)
RETURN parentId, c AS company, p AS place, properties(a) AS rel
ORDER BY parentId, toLower(c.name), c.id
