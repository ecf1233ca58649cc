// region/markets: market memberships of each region and of the regions containing it.
// Parameters:
//   $ids  region ids, e.g. ['iso:THA'] (Thailand's own memberships) or ['gb:500156'] (via China)
// Returns: parentId, market (Market), member (the Region that is the member), rel (from, to, excerptIds).
UNWIND $ids AS parentId
MATCH (:Region {id: parentId})-[:PART_OF*0..12]->(r:Region)-[m:MEMBER_OF]->(k:Market)
RETURN parentId, k AS market, r AS member, properties(m) AS rel
ORDER BY parentId, k.name, r.id
