// trade-flow/via: the channels and trade forms of each trade flow (VIA).
// Parameters:
//   $ids  trade flow ids, e.g. ['flow:comtrade:H6:2022:156:764:X:8711']
// Returns: parentId, node.
UNWIND $ids AS parentId
MATCH (:Fact:TradeFlow {id: parentId})-[:VIA]->(n:Policy)
RETURN parentId, n AS node
ORDER BY n.id
