// trade-flow/page: one page of trade flows, filtered and sorted (the root tradeFlows field).
// Parameters:
//   $directions  list of FlowDirection or null
//   $yearFrom, $yearTo  integers or null: flows whose period overlaps
//   $trader      company id or null (TRADER)
//   $product     product id or null: the product, its HS descendants and named products classified under them
//   $hsPrefix    HS digits or null: products whose code (or classification) starts with them
//   $via         policy id or null: channel or trade form (VIA)
//   $reporter    region id or null: reporting economy (REPORTED_BY)
//   $from, $to   region or market id or null: a region matches itself and its sub-regions; a market
//                matches itself and its member regions (and their sub-regions) while the membership
//                dates overlap the flow period
//   $sort        'PERIOD' | 'VALUE'
//   $gt, $lt     keyset bounds ([sort value, id]) or null; $desc: scan descending
//   $limit       page size + 1;  $withCount: true to count the filtered flows (nothing collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // Candidate flows: start from the trader or the destination when given (index seeks and a short
  // walk instead of a scan of every flow); the full filter below still decides.
  CALL () {
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NULL
    MATCH (f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NOT NULL
    MATCH (:Company {id: $trader})<-[:TRADER]-(f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NOT NULL
    MATCH (:Region {id: $to})<-[:PART_OF*0..12]-(:Region)<-[:TO]-(f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NOT NULL
    MATCH (:Market {id: $to})<-[:TO]-(f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NOT NULL
    MATCH (:Market {id: $to})<-[:MEMBER_OF]-(:Region)<-[:PART_OF*0..12]-(:Region)<-[:TO]-(f:TradeFlow) RETURN f
  }
  WITH DISTINCT f
  WHERE ($directions IS NULL OR f.direction IN $directions)
    AND ($yearFrom IS NULL OR coalesce(f.periodEnd, f.periodStart) >= $yearFrom)
    AND ($yearTo IS NULL OR coalesce(f.periodStart, f.periodEnd) <= $yearTo)
    AND ($trader IS NULL OR EXISTS { (f)-[:TRADER]->(:Company {id: $trader}) })
    AND ($product IS NULL OR EXISTS { (f)-[:OF_PRODUCT]->(:Product)-[:PART_OF|CLASSIFIED_AS*0..]->(:Product {id: $product}) })
    AND ($hsPrefix IS NULL OR EXISTS {
      MATCH (f)-[:OF_PRODUCT]->(p:Product)
      WHERE p.hsCode STARTS WITH $hsPrefix OR EXISTS { (p)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix }
    })
    AND ($via IS NULL OR EXISTS { (f)-[:VIA]->(:Policy {id: $via}) })
    AND ($reporter IS NULL OR EXISTS { (f)-[:REPORTED_BY]->(:Region {id: $reporter}) })
    AND ($from IS NULL OR EXISTS {
      MATCH (f)-[:FROM]->(t)
      WHERE t.id = $from
        OR EXISTS { (t)-[:PART_OF*1..]->(:Region {id: $from}) }
        OR EXISTS {
          MATCH (t)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: $from})
          WHERE (ms.from IS NULL OR toInteger(left(toString(ms.from), 4)) <= coalesce(f.periodEnd, f.periodStart, 9999))
            AND (ms.to IS NULL OR toInteger(left(toString(ms.to), 4)) >= coalesce(f.periodStart, f.periodEnd, 0))
        }
    })
    AND ($to IS NULL OR EXISTS {
      MATCH (f)-[:TO]->(t)
      WHERE t.id = $to
        OR EXISTS { (t)-[:PART_OF*1..]->(:Region {id: $to}) }
        OR EXISTS {
          MATCH (t)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: $to})
          WHERE (ms.from IS NULL OR toInteger(left(toString(ms.from), 4)) <= coalesce(f.periodEnd, f.periodStart, 9999))
            AND (ms.to IS NULL OR toInteger(left(toString(ms.to), 4)) >= coalesce(f.periodStart, f.periodEnd, 0))
        }
    })
  RETURN count(f) AS total
}
CALL () {
  // Candidate flows: start from the trader or the destination when given (index seeks and a short
  // walk instead of a scan of every flow); the full filter below still decides.
  CALL () {
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NULL
    MATCH (f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NOT NULL
    MATCH (:Company {id: $trader})<-[:TRADER]-(f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NOT NULL
    MATCH (:Region {id: $to})<-[:PART_OF*0..12]-(:Region)<-[:TO]-(f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NOT NULL
    MATCH (:Market {id: $to})<-[:TO]-(f:TradeFlow) RETURN f
    UNION ALL
    WITH 1 AS start WHERE $trader IS NULL AND $to IS NOT NULL
    MATCH (:Market {id: $to})<-[:MEMBER_OF]-(:Region)<-[:PART_OF*0..12]-(:Region)<-[:TO]-(f:TradeFlow) RETURN f
  }
  WITH DISTINCT f
  WHERE ($directions IS NULL OR f.direction IN $directions)
    AND ($yearFrom IS NULL OR coalesce(f.periodEnd, f.periodStart) >= $yearFrom)
    AND ($yearTo IS NULL OR coalesce(f.periodStart, f.periodEnd) <= $yearTo)
    AND ($trader IS NULL OR EXISTS { (f)-[:TRADER]->(:Company {id: $trader}) })
    AND ($product IS NULL OR EXISTS { (f)-[:OF_PRODUCT]->(:Product)-[:PART_OF|CLASSIFIED_AS*0..]->(:Product {id: $product}) })
    AND ($hsPrefix IS NULL OR EXISTS {
      MATCH (f)-[:OF_PRODUCT]->(p:Product)
      WHERE p.hsCode STARTS WITH $hsPrefix OR EXISTS { (p)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix }
    })
    AND ($via IS NULL OR EXISTS { (f)-[:VIA]->(:Policy {id: $via}) })
    AND ($reporter IS NULL OR EXISTS { (f)-[:REPORTED_BY]->(:Region {id: $reporter}) })
    AND ($from IS NULL OR EXISTS {
      MATCH (f)-[:FROM]->(t)
      WHERE t.id = $from
        OR EXISTS { (t)-[:PART_OF*1..]->(:Region {id: $from}) }
        OR EXISTS {
          MATCH (t)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: $from})
          WHERE (ms.from IS NULL OR toInteger(left(toString(ms.from), 4)) <= coalesce(f.periodEnd, f.periodStart, 9999))
            AND (ms.to IS NULL OR toInteger(left(toString(ms.to), 4)) >= coalesce(f.periodStart, f.periodEnd, 0))
        }
    })
    AND ($to IS NULL OR EXISTS {
      MATCH (f)-[:TO]->(t)
      WHERE t.id = $to
        OR EXISTS { (t)-[:PART_OF*1..]->(:Region {id: $to}) }
        OR EXISTS {
          MATCH (t)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: $to})
          WHERE (ms.from IS NULL OR toInteger(left(toString(ms.from), 4)) <= coalesce(f.periodEnd, f.periodStart, 9999))
            AND (ms.to IS NULL OR toInteger(left(toString(ms.to), 4)) >= coalesce(f.periodStart, f.periodEnd, 0))
        }
    })
  WITH f, [CASE $sort WHEN 'VALUE' THEN toFloat(coalesce(f.value, -1.0)) ELSE toFloat(coalesce(f.periodStart, 0)) END, f.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH f, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: f, key: key}) AS page
}
RETURN total, page
