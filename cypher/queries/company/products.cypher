// company/products: the products in each company's trade flows, with a summary (Company.products).
// Parameters:
//   $ids     company ids
//   $filter  the flow filter (flowParams: directions, e.g. ['EXPORT', 'RE_EXPORT']; see parts/trade-flows)
//   $limit   integer: maximum items per parent
// Returns: parentId, product, flowCount, periods ([start, end] pairs), totals (per currency); most flows first.
// @flag parent=trader
UNWIND $ids AS parentId
CALL (parentId) {
  WITH parentId, 'trader' AS parentAs, null AS parentEnd, $filter AS flt
  __TRADE_FLOWS__
  MATCH (f)-[:OF_PRODUCT]->(other:Product)
  __TRADE_SUMMARY__
}
RETURN parentId, other AS product, flowCount, periods, totals
