// trade-flow/product: the product traded of each trade flow (OF_PRODUCT).
// Parameters:
//   $ids  trade flow ids, e.g. ['flow:comtrade:H6:2022:156:764:X:8711']
// Returns: parentId, node.
UNWIND $ids AS parentId
MATCH (:Fact:TradeFlow {id: parentId})-[:OF_PRODUCT]->(n:Product)
RETURN parentId, n AS node
ORDER BY n.id
