// market/active-companies: the companies active in each market (ACTIVE_IN to the market itself).
// Parameters:
//   $ids  market ids, e.g. ['market:asean']
// Returns: parentId, company, place (the market), rel (excerptIds, note), by company name.
UNWIND $ids AS parentId
MATCH (p:Market {id: parentId})<-[a:ACTIVE_IN]-(c:Company)
RETURN parentId, c AS company, p AS place, properties(a) AS rel
ORDER BY parentId, toLower(c.name), c.id
