// product/traders: the companies trading each product (the flows of its product filter: HS descendants, classification), with a summary (Product.exporters / importers).
// Parameters:
//   $ids     product ids, e.g. ['hs2022:8711']
//   $filter  the flow filter (flowParams: directions, e.g. ['EXPORT', 'RE_EXPORT']; see parts/trade-flows)
//   $limit   integer: maximum items per parent
// Returns: parentId, company, flowCount, periods ([start, end] pairs), totals (per currency); most flows first.
// @flag parent=product
UNWIND $ids AS parentId
CALL (parentId) {
  WITH parentId, 'product' AS parentAs, null AS parentEnd, $filter AS flt
  __TRADE_FLOWS__
  MATCH (f)-[:TRADER]->(other:Company)
  __TRADE_SUMMARY__
}
RETURN parentId, other AS company, flowCount, periods, totals
