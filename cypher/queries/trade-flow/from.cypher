// trade-flow/from: the origin (Region or Market) of each trade flow (FROM).
// Parameters:
//   $ids  trade flow ids, e.g. ['flow:comtrade:H6:2022:156:764:X:8711']
// Returns: parentId, node.
UNWIND $ids AS parentId
MATCH (:Fact:TradeFlow {id: parentId})-[:FROM]->(n)
RETURN parentId, n AS node
ORDER BY n.id
