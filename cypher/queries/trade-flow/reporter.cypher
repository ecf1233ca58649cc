// trade-flow/reporter: the reporting economy of each trade flow (REPORTED_BY).
// Parameters:
//   $ids  trade flow ids, e.g. ['flow:comtrade:H6:2022:156:764:X:8711']
// Returns: parentId, node.
UNWIND $ids AS parentId
MATCH (:Fact:TradeFlow {id: parentId})-[:REPORTED_BY]->(n:Region)
RETURN parentId, n AS node
ORDER BY n.id
