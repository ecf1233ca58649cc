// policy/supporting: the policies, programs and brands that support each entity (SUPPORTS).
// Parameters:
//   $ids  ids of companies, products, regions, markets or policies, e.g. ['product:wulong-bamboo-shoots']
// Returns: parentId, policy, target (the entity), rel (excerptIds), by policy name.
UNWIND $ids AS parentId
MATCH (x:__ID_LABELS__ {id: parentId})
MATCH (x)<-[s:SUPPORTS]-(p:Policy)
RETURN parentId, p AS policy, x AS target, properties(s) AS rel
ORDER BY parentId, toLower(p.name), p.id
