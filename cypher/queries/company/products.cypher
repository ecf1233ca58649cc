// company/products: the products in each company's trade flows of the given directions, with a summary.
// Parameters:
//   $ids         company ids
//   $directions  list of flow directions, e.g. ['EXPORT', 'RE_EXPORT']
//   $limit       integer: maximum items per parent
// Returns: parentId, product, flowCount, periods ([start, end] pairs), totalValue, currencies; most flows first.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Company {id: parentId})<-[:TRADER]-(f:TradeFlow)-[:OF_PRODUCT]->(product:Product)
  WHERE f.direction IN $directions
  WITH DISTINCT product, f
  WITH product, count(f) AS flowCount,
       collect(DISTINCT [f.periodStart, f.periodEnd]) AS periods,
       sum(f.value) AS totalValue, collect(DISTINCT f.currency) AS currencies
  RETURN product, flowCount, periods, totalValue, currencies
  ORDER BY flowCount DESC, product.id
  LIMIT $limit
}
RETURN parentId, product, flowCount, periods, totalValue, currencies
