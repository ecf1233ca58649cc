// company/destinations: where each company's flows of the given directions go (TO: regions or markets), with a summary.
// Parameters:
//   $ids         company ids
//   $directions  list of flow directions, e.g. ['EXPORT', 'RE_EXPORT']
//   $hsPrefix     HS digits or null: only flows of products with this prefix (or classified under one)
//   $limit       integer: maximum items per parent
// Returns: parentId, place, flowCount, periods ([start, end] pairs), totalValue, currencies; most flows first.
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Company {id: parentId})<-[:TRADER]-(f:TradeFlow)-[:TO]->(place)
  WHERE f.direction IN $directions
  AND ($hsPrefix IS NULL OR EXISTS {
      MATCH (f)-[:OF_PRODUCT]->(p:Product)
      WHERE p.hsCode STARTS WITH $hsPrefix OR EXISTS { (p)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix }
    })
  WITH DISTINCT place, f
  WITH place, count(f) AS flowCount,
       collect(DISTINCT [f.periodStart, f.periodEnd]) AS periods,
       sum(f.value) AS totalValue, collect(DISTINCT f.currency) AS currencies
  RETURN place, flowCount, periods, totalValue, currencies
  ORDER BY flowCount DESC, place.id
  LIMIT $limit
}
RETURN parentId, place, flowCount, periods, totalValue, currencies
