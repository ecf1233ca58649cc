// company/destinations: where each company's flows go (TO: regions or markets), with a summary (Company.destinations).
// Parameters:
//   $ids     company ids
//   $filter  the flow filter (flowParams: directions, e.g. ['EXPORT', 'RE_EXPORT'], hsPrefix; see parts/trade-flows)
//   $limit   integer: maximum items per parent
// Returns: parentId, place, flowCount, periods ([start, end] pairs), totals (per currency); most flows first.
// @flag parent=trader
UNWIND $ids AS parentId
CALL (parentId) {
  WITH parentId, 'trader' AS parentAs, null AS parentEnd, $filter AS flt
  __TRADE_FLOWS__
  MATCH (f)-[:TO]->(other)
  __TRADE_SUMMARY__
}
RETURN parentId, other AS place, flowCount, periods, totals
