// market/products: the products flowing into each market (TO it, or to its members during membership), with a summary (Market.products).
// Parameters:
//   $ids     market ids
//   $filter  the flow filter (flowParams: directions, e.g. ['EXPORT', 'RE_EXPORT']; see parts/trade-flows)
//   $limit   integer: maximum items per parent
// Returns: parentId, product, flowCount, periods ([start, end] pairs), totals (per currency); most flows first.
// @flag parent=place
UNWIND $ids AS parentId
CALL (parentId) {
  WITH parentId, 'place' AS parentAs, 'TO' AS parentEnd, $filter AS flt
  __TRADE_FLOWS__
  MATCH (f)-[:OF_PRODUCT]->(other:Product)
  __TRADE_SUMMARY__
}
RETURN parentId, other AS product, flowCount, periods, totals
