// policy/supporting: the policies, programs and brands that support each entity (SUPPORTS).
// Parameters:
//   $ids  ids of companies, products, regions, markets or policies, e.g. ['product:wulong-bamboo-shoots']
// Returns: parentId, policy, target (the entity), rel (excerptIds), by policy name.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (x:Region {id: parentId}) RETURN x
  UNION ALL MATCH (x:Market {id: parentId}) RETURN x
  UNION ALL MATCH (x:Company {id: parentId}) RETURN x
  UNION ALL MATCH (x:Product {id: parentId}) RETURN x
  UNION ALL MATCH (x:Policy {id: parentId}) RETURN x
}
MATCH (x)<-[s:SUPPORTS]-(p:Policy)
RETURN parentId, p AS policy, x AS target, properties(s) AS rel
ORDER BY parentId, toLower(p.name), p.id
