// product/traders: the companies trading each product (its HS descendants and classified named
// products included) in the given directions, with a summary (Product.exporters / importers).
// Parameters:
//   $ids         product ids, e.g. ['hs2022:8711']
//   $directions  list of flow directions, e.g. ['EXPORT', 'RE_EXPORT']
//   $limit       integer: maximum items per parent
// Returns: parentId, company, flowCount, periods ([start, end] pairs), totalValue, currencies; most flows first.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Product {id: parentId})<-[:PART_OF|CLASSIFIED_AS*0..]-(:Product)<-[:OF_PRODUCT]-(f:TradeFlow)-[:TRADER]->(company:Company)
  WHERE f.direction IN $directions
  WITH DISTINCT company, f
  WITH company, count(f) AS flowCount,
       collect(DISTINCT [f.periodStart, f.periodEnd]) AS periods,
       sum(f.value) AS totalValue, collect(DISTINCT f.currency) AS currencies
  RETURN company, flowCount, periods, totalValue, currencies
  ORDER BY flowCount DESC, company.id
  LIMIT $limit
}
RETURN parentId, company, flowCount, periods, totalValue, currencies
