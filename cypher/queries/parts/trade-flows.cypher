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
// The scan starts from one condition (an index seek and a short walk): the only one set, or of several
// the one whose walk reaches the fewest flows; else from every flow. The other conditions are then
// checked, and the anchor's own only where its walk does not already imply it (a market's membership
// dates). The branches exclude each other (UNION ALL: no set to build over every flow); a walk that
// can reach a flow twice returns it once (DISTINCT).
// Guards (src/neo4j/query-parts.ts): a request's text keeps only the branches of the conditions it
// sets (`anchor`, `candidates`: src/neo4j/query-flags.ts), the checks they may need (`check`) and
// the conditions themselves (`$filter.x`; `flt` is the query's $filter). As written, the file keeps
// every branch and check, and each one tests at run time whether it applies.
WITH *, [c IN [
    {kind: parentAs, id: parentId, end: parentEnd},
    {kind: 'trader', id: flt.trader},
    {kind: 'place', id: flt.to, end: 'TO'},
    {kind: 'product', id: flt.product},
    {kind: 'channel', id: flt.via},
    {kind: 'place', id: flt.from, end: 'FROM'},
    {kind: 'reporter', id: flt.reporter}
  ] WHERE c.kind IS NOT NULL AND c.id IS NOT NULL] AS conditions
// Each condition once per row, before any flow is read: a product or place condition's `nodes` are
// the nodes a matching flow is attached to (the product, its HS descendants (PART_OF) and the named
// products classified under them, or under an HS entry it is classified as; a region and its
// sub-regions; a market, its member regions and theirs), so the scan starts from them and a check
// is one hop from the flow to a node of that list, not a walk up the tree per flow (a heading's
// check at 1M flows: 75 -> 37 ms). `region`: the place is a region (its walk is its whole
// condition; a market's also needs the membership dates). With two conditions or more, `reach`: the
// number of flows each one's nodes are attached to (relationship degrees, read per node without
// touching the flows); the scan starts from the smallest (ties: the order above).
// @if candidates=several | anchor=place | anchor=product
CALL (conditions) {
  UNWIND range(0, size(conditions) - 1) AS i
  WITH conditions[i] AS c, i
  // One row per kind that matches (none: the id names no node of the kind).
  OPTIONAL CALL (c) {
    // @if anchor=trader & candidates=several
    MATCH (x:Company {id: c.id}) WHERE c.kind = 'trader'
    RETURN [] AS nodes, false AS region
      , COUNT { (x)<-[:TRADER]-() } AS reach  // @if candidates=several
    // @end
    UNION ALL
    // @if anchor=channel & candidates=several
    MATCH (x:Policy {id: c.id}) WHERE c.kind = 'channel'
    RETURN [] AS nodes, false AS region
      , COUNT { (x)<-[:VIA]-() } AS reach  // @if candidates=several
    // @end
    UNION ALL
    // @if anchor=reporter & candidates=several
    MATCH (x:Region {id: c.id}) WHERE c.kind = 'reporter'
    RETURN [] AS nodes, false AS region
      , COUNT { (x)<-[:REPORTED_BY]-() } AS reach  // @if candidates=several
    // @end
    UNION ALL
    // @if anchor=place
    CALL (c) {
      MATCH (p:Region {id: c.id}) WHERE c.kind = 'place' RETURN p
      UNION
      MATCH (p:Market {id: c.id}) WHERE c.kind = 'place' RETURN p
    }
    MATCH (p)<-[:PART_OF|MEMBER_OF*0..]-(x:Region|Market)
    WITH DISTINCT c, p, x
    RETURN collect(x) AS nodes, p:Region AS region
      // @if candidates=several
      , sum(CASE c.end
        WHEN 'TO' THEN COUNT { (x)<-[:TO]-() }
        WHEN 'FROM' THEN COUNT { (x)<-[:FROM]-() }
        ELSE COUNT { (x)<-[:FROM|TO]-() } END) AS reach
      // @end
    // @end
    UNION ALL
    // @if anchor=product
    MATCH (p:Product {id: c.id}) WHERE c.kind = 'product'
    CALL (p) {
      MATCH (p)<-[:PART_OF|CLASSIFIED_AS*0..]-(x:Product) RETURN x
      UNION
      MATCH (p)-[:CLASSIFIED_AS]->(:Product)<-[:PART_OF*0..]-(x:Product) RETURN x
    }
    RETURN collect(x) AS nodes, false AS region
      , sum(COUNT { (x)<-[:OF_PRODUCT]-() }) AS reach  // @if candidates=several
    // @end
  }
  WITH c, i, collect(nodes) AS lists, collect(region) AS regions
    , sum(reach) AS reach  // @if candidates=several
  // A place is a region when every node with its id is one (a market's walk needs the dates too).
  WITH c {.*, nodes: reduce(all = [], l IN lists | all + l), region: size(regions) > 0 AND all(r IN regions WHERE r)} AS c, i
    , reach  // @if candidates=several
  ORDER BY reach, i  // @if candidates=several
  RETURN collect(c) AS musts
}
// @end
// One trader, channel or reporter, or nothing: the conditions as they are.
// @if !candidates=several & !anchor=place & !anchor=product
WITH *, conditions AS musts
// @end
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
