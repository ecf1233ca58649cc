// region/partners: regions and markets at the other end of the trade flows from or to each region
// (or a region inside it), with a summary; most flows first.
// Parameters:
//   $ids    region ids
//   $limit  integer: maximum partners per parent
// Returns: parentId, place (Region or Market), flowCount, periods ([start, end] pairs), totals (per currency).
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Region {id: parentId})<-[:PART_OF*0..12]-(:Region)<-[here:FROM|TO]-(f:TradeFlow)-[there:FROM|TO]->(other)
  WHERE type(here) <> type(there)
  __TRADE_SUMMARY__
}
RETURN parentId, other AS place, flowCount, periods, totals
