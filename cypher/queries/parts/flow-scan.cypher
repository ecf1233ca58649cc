// parts/flow-scan: a FRAGMENT, the second half of parts/trade-flows (see there). From `musts`
// (parts/flow-conditions) and `flt` in scope it adds one row per matching trade flow `f`, keeping
// every variable already in scope, and `anchorHolds` (the scan's start implies its own condition).
CALL (musts) {
  // The full scan only when nothing narrows it. The UNWIND of an empty list ends this branch before
  // the scan starts; a WHERE on `musts` alone would be checked after scanning every flow.
  // @if anchor=none
  UNWIND CASE WHEN size(musts) = 0 THEN [true] ELSE [] END AS unfiltered
  MATCH (f:TradeFlow)
  RETURN f, true AS anchorHolds
  // @end
  UNION ALL
  // @if anchor=trader
  WITH musts[0] AS start WHERE start.kind = 'trader'
  MATCH (:Company {id: start.id})<-[:TRADER]-(f:TradeFlow)
  RETURN f, true AS anchorHolds
  // @end
  UNION ALL
  // @if anchor=channel
  WITH musts[0] AS start WHERE start.kind = 'channel'
  MATCH (:Policy {id: start.id})<-[:VIA]-(f:TradeFlow)
  RETURN f, true AS anchorHolds
  // @end
  UNION ALL
  // @if anchor=reporter
  WITH musts[0] AS start WHERE start.kind = 'reporter'
  MATCH (:Region {id: start.id})<-[:REPORTED_BY]-(f:TradeFlow)
  RETURN f, true AS anchorHolds
  // @end
  UNION ALL
  // @if anchor=place
  WITH musts[0] AS start WHERE start.kind = 'place'
  UNWIND start.nodes AS x
  MATCH (x)<-[r:FROM|TO]-(f:TradeFlow)
  WHERE start.end IS NULL OR type(r) = start.end
  // A region's walk is exactly its condition; a market's also needs the membership dates (below).
  RETURN DISTINCT f, start.region AS anchorHolds
  // @end
  UNION ALL
  // @if anchor=product
  WITH musts[0] AS start WHERE start.kind = 'product'
  UNWIND start.nodes AS x
  MATCH (x)<-[:OF_PRODUCT]-(f:TradeFlow)
  RETURN DISTINCT f, true AS anchorHolds
  // @end
}
WITH * WHERE true
  AND (flt.directions IS NULL OR f.direction IN flt.directions)  // @if $filter.directions
  AND (flt.yearFrom IS NULL OR coalesce(f.periodEnd, f.periodStart) >= flt.yearFrom)  // @if $filter.yearFrom
  AND (flt.yearTo IS NULL OR coalesce(f.periodStart, f.periodEnd) <= flt.yearTo)  // @if $filter.yearTo
  // @if $filter.hsPrefix
  AND (flt.hsPrefix IS NULL OR EXISTS {
    MATCH (f)-[:OF_PRODUCT]->(p:Product)
    WHERE p.hsCode STARTS WITH flt.hsPrefix OR EXISTS { (p)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH flt.hsPrefix }
  })
  // @end
  // The anchor's own condition is not checked again where its scan already implies it (anchorHolds).
  // @if check=trader | check=channel | check=reporter | check=product | check=place
  AND all(c IN CASE WHEN anchorHolds THEN musts[1..] ELSE musts END WHERE CASE c.kind
    WHEN 'trader' THEN EXISTS { (f)-[:TRADER]->(:Company {id: c.id}) }  // @if check=trader
    WHEN 'channel' THEN EXISTS { (f)-[:VIA]->(:Policy {id: c.id}) }  // @if check=channel
    WHEN 'reporter' THEN EXISTS { (f)-[:REPORTED_BY]->(:Region {id: c.id}) }  // @if check=reporter
    // The same products and places as the scan from them above: one hop from the flow.
    WHEN 'product' THEN EXISTS { MATCH (f)-[:OF_PRODUCT]->(x) WHERE x IN c.nodes }  // @if check=product
    // @if check=place
    WHEN 'place' THEN EXISTS {
      MATCH (f)-[r:FROM|TO]->(t)
      WHERE (c.end IS NULL OR type(r) = c.end) AND t IN c.nodes
        AND (c.region OR t.id = c.id
          OR EXISTS {
            MATCH (t)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: c.id})
            WHERE (ms.fromYear IS NULL OR ms.fromYear <= coalesce(f.periodEnd, f.periodStart, 9999))
              AND (ms.toYear IS NULL OR ms.toYear >= coalesce(f.periodStart, f.periodEnd, 0))
          })
    }
    // @end
    ELSE false
  END)
  // @end
