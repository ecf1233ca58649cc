// parts/trade-flows: a FRAGMENT, not a query (written where a query says __TRADE_FLOWS__; see
// src/neo4j/query-parts.ts). The one definition of "the trade flows a filter matches": every flow
// list, aggregate and summary uses it, so they always agree on which flows they count.
// It expects in scope:
//   flt        a map with the keys of flowParams (src/domain/trade-flow/trade-flow.repository.ts):
//              trader, directions, product, hsPrefix, from, to, via, reporter, yearFrom, yearTo
//              (each null = no condition)
//   parentId, parentAs, parentEnd   the parent of a nested field, one more condition: parentAs is
//              null (a root field), 'trader' (a company), 'product', 'place' (a region or market;
//              parentEnd 'FROM', 'TO' or null for either end) or 'channel' (a policy)
// and adds one row per matching trade flow `f`, keeping every variable already in scope.
//   trader     the TRADER company
//   product    the product, its HS descendants (PART_OF) and the named products classified under
//              them; for a named product also the HS entries it is CLASSIFIED_AS and their
//              descendants (customs data records a named product under its HS code)
//   hsPrefix   the product's HS code, or the code of an entry it is classified as, starts with it
//   from, to   a region matches itself and its sub-regions; a market matches itself and its member
//              regions (and their sub-regions) while the membership dates overlap the flow period
//   via, reporter  the channel or trade form (VIA); the reporting economy (REPORTED_BY)
//   directions, yearFrom, yearTo   one of the directions; a period overlapping the years
// The scan starts from the first of: the parent, trader, to, product, via, from, reporter (an index
// seek and a short walk), else from every flow; the other conditions are then checked, and the
// anchor's own only where its walk does not already imply it (a market's membership dates).
// The branches exclude each other (UNION ALL: no set to build over every flow); a walk that can reach
// a flow twice returns it once (DISTINCT).
// Guards (src/neo4j/query-parts.ts): a request's text keeps only its anchor's branch (`anchor`, the
// same first-of order computed in src/neo4j/query-flags.ts), the checks its other conditions need
// (`check`) and the conditions it sets (`$filter.x`; `flt` is the query's $filter). As written, the
// file keeps every branch and check, and each one tests at run time whether it applies.
WITH *, [c IN [
    {kind: parentAs, id: parentId, end: parentEnd},
    {kind: 'trader', id: flt.trader},
    {kind: 'place', id: flt.to, end: 'TO'},
    {kind: 'product', id: flt.product},
    {kind: 'channel', id: flt.via},
    {kind: 'place', id: flt.from, end: 'FROM'},
    {kind: 'reporter', id: flt.reporter}
  ] WHERE c.kind IS NOT NULL AND c.id IS NOT NULL] AS musts
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
  CALL (start) {
    MATCH (p:Region {id: start.id}) RETURN p
    UNION
    MATCH (p:Market {id: start.id}) RETURN p
  }
  MATCH (p)<-[:PART_OF|MEMBER_OF*0..]-(:Region|Market)<-[r:FROM|TO]-(f:TradeFlow)
  WHERE start.end IS NULL OR type(r) = start.end
  // A region's walk is exactly its condition; a market's also needs the membership dates (below).
  RETURN DISTINCT f, p:Region AS anchorHolds
  // @end
  UNION ALL
  // @if anchor=product
  WITH musts[0] AS start WHERE start.kind = 'product'
  MATCH (p:Product {id: start.id})
  CALL (p) {
    MATCH (p)<-[:PART_OF|CLASSIFIED_AS*0..]-(x:Product) RETURN x
    UNION
    MATCH (p)-[:CLASSIFIED_AS]->(:Product)<-[:PART_OF*0..]-(x:Product) RETURN x
  }
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
    // The same products as the scan from a product above, walked up from the flow's product.
    // @if check=product
    WHEN 'product' THEN EXISTS { (f)-[:OF_PRODUCT]->(:Product)-[:PART_OF|CLASSIFIED_AS*0..]->(:Product {id: c.id}) }
      OR EXISTS { (f)-[:OF_PRODUCT]->(:Product)-[:PART_OF*0..]->(:Product)<-[:CLASSIFIED_AS]-(:Product {id: c.id}) }
    // @end
    // @if check=place
    WHEN 'place' THEN EXISTS {
      MATCH (f)-[r:FROM|TO]->(t)
      WHERE (c.end IS NULL OR type(r) = c.end)
        AND (t.id = c.id
          OR EXISTS { (t)-[:PART_OF*1..]->(:Region {id: c.id}) }
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
