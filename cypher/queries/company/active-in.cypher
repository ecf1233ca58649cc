// company/active-in: the markets and regions each company is active in (ACTIVE_IN), as a source says.
// Parameters:
//   $ids  company ids, e.g. ['company:changan-automobile']
// Returns: parentId, company, place (Market or Region), rel (excerptIds, note), by place name.
UNWIND $ids AS parentId
MATCH (c:Company {id: parentId})-[a:ACTIVE_IN]->(p)
WHERE p:Market OR p:Region
RETURN parentId, c AS company, p AS place, properties(a) AS rel
ORDER BY parentId, toLower(p.name), p.id
