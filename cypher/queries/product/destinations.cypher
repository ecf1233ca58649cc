// product/destinations: where each product's flows of the given directions go (TO), HS descendants
// and classified named products included, with a summary.
// Parameters:
//   $ids         product ids
//   $directions  list of flow directions, e.g. ['EXPORT', 'RE_EXPORT']
//   $limit       integer: maximum items per parent
// Returns: parentId, place, flowCount, periods ([start, end] pairs), totalValue, currencies; most flows first.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Product {id: parentId})<-[:PART_OF|CLASSIFIED_AS*0..]-(:Product)<-[:OF_PRODUCT]-(f:TradeFlow)-[:TO]->(place)
  WHERE f.direction IN $directions
  WITH DISTINCT place, f
  WITH place, count(f) AS flowCount,
       collect(DISTINCT [f.periodStart, f.periodEnd]) AS periods,
       sum(f.value) AS totalValue, collect(DISTINCT f.currency) AS currencies
  RETURN place, flowCount, periods, totalValue, currencies
  ORDER BY flowCount DESC, place.id
  LIMIT $limit
}
RETURN parentId, place, flowCount, periods, totalValue, currencies
