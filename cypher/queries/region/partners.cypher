// region/partners: regions and markets at the other end of the trade flows from or to each region
// (or a region inside it), with a summary; most flows first.
// Parameters:
//   $ids    region ids
//   $limit  integer: maximum partners per parent
// Returns: parentId, place (Region or Market), flowCount, periods ([start, end] pairs), totalValue, currencies.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Region {id: parentId})<-[:PART_OF*0..12]-(:Region)<-[here:FROM|TO]-(f:TradeFlow)-[there:FROM|TO]->(place)
  WHERE type(here) <> type(there)
  WITH DISTINCT place, f
  WITH place, count(f) AS flowCount,
       collect(DISTINCT [f.periodStart, f.periodEnd]) AS periods,
       sum(f.value) AS totalValue, collect(DISTINCT f.currency) AS currencies
  RETURN place, flowCount, periods, totalValue, currencies
  ORDER BY flowCount DESC, place.id
  LIMIT $limit
}
RETURN parentId, place, flowCount, periods, totalValue, currencies
