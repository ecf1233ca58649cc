// policy/supports: what each policy supports (companies, products, regions, markets, policies).
// Parameters:
//   $ids  policy ids, e.g. ['policy:chongqing-trade-global']
// Returns: parentId, policy, target, rel (excerptIds), by target id.
UNWIND $ids AS parentId
MATCH (p:Policy {id: parentId})-[s:SUPPORTS]->(t)
RETURN parentId, p AS policy, t AS target, properties(s) AS rel
ORDER BY parentId, t.id
