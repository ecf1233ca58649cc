// trade-flow/trader: the trader (exporter or importer) of each trade flow (TRADER).
// Parameters:
//   $ids  trade flow ids, e.g. ['flow:comtrade:H6:2022:156:764:X:8711']
// Returns: parentId, node.
UNWIND $ids AS parentId
MATCH (:Fact:TradeFlow {id: parentId})-[:TRADER]->(n:Company)
RETURN parentId, n AS node
ORDER BY n.id
