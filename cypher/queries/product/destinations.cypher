// product/destinations: where each product's flows go (TO), with a summary (Product.destinations).
// Parameters:
//   $ids     product ids
//   $filter  the flow filter (flowParams: directions, e.g. ['EXPORT', 'RE_EXPORT']; see parts/trade-flows)
//   $limit   integer: maximum items per parent
// Returns: parentId, place, flowCount, periods ([start, end] pairs), totals (per currency); most flows first.
// @flag parent=product
UNWIND $ids AS parentId
CALL (parentId) {
  WITH parentId, 'product' AS parentAs, null AS parentEnd, $filter AS flt
  __TRADE_FLOWS__
  MATCH (f)-[:TO]->(other)
  __TRADE_SUMMARY__
}
RETURN parentId, other AS place, flowCount, periods, totals
