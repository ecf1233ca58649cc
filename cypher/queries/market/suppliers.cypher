// market/suppliers: the companies trading into each market (flows TO it or to its members during
// membership) in the given directions, with a summary.
// Parameters:
//   $ids         market ids
//   $directions  list of flow directions, e.g. ['EXPORT', 'RE_EXPORT']
//   $hsPrefix     HS digits or null: only flows of products with this prefix (or classified under one)
//   $limit       integer: maximum items per parent
// Returns: parentId, company, flowCount, periods ([start, end] pairs), totalValue, currencies; most flows first.
UNWIND $ids AS parentId
CALL (parentId) {
  CALL (parentId) {
    MATCH (:Market {id: parentId})<-[:TO]-(f:TradeFlow)
    RETURN f
    UNION
    MATCH (:Market {id: parentId})<-[ms:MEMBER_OF]-(:Region)<-[:PART_OF*0..12]-(:Region)<-[:TO]-(f:TradeFlow)
    WHERE (ms.from IS NULL OR toInteger(left(toString(ms.from), 4)) <= coalesce(f.periodEnd, f.periodStart, 9999))
      AND (ms.to IS NULL OR toInteger(left(toString(ms.to), 4)) >= coalesce(f.periodStart, f.periodEnd, 0))
    RETURN f
  }
  MATCH (f)-[:TRADER]->(company:Company)
  WHERE f.direction IN $directions
  AND ($hsPrefix IS NULL OR EXISTS {
      MATCH (f)-[:OF_PRODUCT]->(p:Product)
      WHERE p.hsCode STARTS WITH $hsPrefix OR EXISTS { (p)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix }
    })
  WITH DISTINCT company, f
  WITH company, count(f) AS flowCount,
       collect(DISTINCT [f.periodStart, f.periodEnd]) AS periods,
       sum(f.value) AS totalValue, collect(DISTINCT f.currency) AS currencies
  RETURN company, flowCount, periods, totalValue, currencies
  ORDER BY flowCount DESC, company.id
  LIMIT $limit
}
RETURN parentId, company, flowCount, periods, totalValue, currencies
