// analytics/parts/filtered-flows: a FRAGMENT, not a query. src/domain/analytics/analytics.queries.ts
// writes it where a query says __FILTERED_FLOWS__. It expects a map `flt` in scope with the keys of
// flowParams (src/domain/trade-flow/trade-flow.repository.ts): trader, directions, product, hsPrefix,
// from, to, via, reporter, yearFrom, yearTo (each null = no condition), and adds one row per
// matching trade flow `f`, keeping every variable already in scope. The conditions are those of
// trade-flow/page, so an aggregate always sums exactly the flows the tradeFlows list shows:
//   product   the product, its HS descendants and named products classified under them
//   from, to  a region matches itself and its sub-regions; a market matches itself and its member
//             regions (and their sub-regions) while the membership dates overlap the flow period.
// The scan starts from the most selective condition given, through indexes and relationships:
// the trader; else the destination (the place, its sub-regions, a market's members and theirs);
// else the product (it and everything classified or nested under it); else every flow. The full
// conditions below are then checked on those flows as on any other.
CALL (flt) {
  WITH flt WHERE flt.trader IS NOT NULL
  MATCH (:Company {id: flt.trader})<-[:TRADER]-(f:TradeFlow)
  RETURN f
  UNION
  WITH flt WHERE flt.trader IS NULL AND flt.to IS NOT NULL
  CALL (flt) {
    MATCH (p:Region {id: flt.to}) RETURN p
    UNION
    MATCH (p:Market {id: flt.to}) RETURN p
  }
  MATCH (p)<-[:PART_OF|MEMBER_OF*0..]-(t)<-[:TO]-(f:TradeFlow)
  RETURN f
  UNION
  WITH flt WHERE flt.trader IS NULL AND flt.to IS NULL AND flt.product IS NOT NULL
  MATCH (:Product {id: flt.product})<-[:PART_OF|CLASSIFIED_AS*0..]-(:Product)<-[:OF_PRODUCT]-(f:TradeFlow)
  RETURN f
  UNION
  WITH flt WHERE flt.trader IS NULL AND flt.to IS NULL AND flt.product IS NULL
  MATCH (f:TradeFlow)
  RETURN f
}
WITH * WHERE (flt.directions IS NULL OR f.direction IN flt.directions)
  AND (flt.yearFrom IS NULL OR coalesce(f.periodEnd, f.periodStart) >= flt.yearFrom)
  AND (flt.yearTo IS NULL OR coalesce(f.periodStart, f.periodEnd) <= flt.yearTo)
  AND (flt.product IS NULL OR EXISTS { (f)-[:OF_PRODUCT]->(:Product)-[:PART_OF|CLASSIFIED_AS*0..]->(:Product {id: flt.product}) })
  AND (flt.hsPrefix IS NULL OR EXISTS {
    MATCH (f)-[:OF_PRODUCT]->(p:Product)
    WHERE p.hsCode STARTS WITH flt.hsPrefix OR EXISTS { (p)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH flt.hsPrefix }
  })
  AND (flt.via IS NULL OR EXISTS { (f)-[:VIA]->(:Policy {id: flt.via}) })
  AND (flt.reporter IS NULL OR EXISTS { (f)-[:REPORTED_BY]->(:Region {id: flt.reporter}) })
  AND (flt.from IS NULL OR EXISTS {
    MATCH (f)-[:FROM]->(t)
    WHERE t.id = flt.from
      OR EXISTS { (t)-[:PART_OF*1..]->(:Region {id: flt.from}) }
      OR EXISTS {
        MATCH (t)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: flt.from})
        WHERE (ms.from IS NULL OR toInteger(left(toString(ms.from), 4)) <= coalesce(f.periodEnd, f.periodStart, 9999))
          AND (ms.to IS NULL OR toInteger(left(toString(ms.to), 4)) >= coalesce(f.periodStart, f.periodEnd, 0))
      }
  })
  AND (flt.to IS NULL OR EXISTS {
    MATCH (f)-[:TO]->(t)
    WHERE t.id = flt.to
      OR EXISTS { (t)-[:PART_OF*1..]->(:Region {id: flt.to}) }
      OR EXISTS {
        MATCH (t)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: flt.to})
        WHERE (ms.from IS NULL OR toInteger(left(toString(ms.from), 4)) <= coalesce(f.periodEnd, f.periodStart, 9999))
          AND (ms.to IS NULL OR toInteger(left(toString(ms.to), 4)) >= coalesce(f.periodStart, f.periodEnd, 0))
      }
  })
