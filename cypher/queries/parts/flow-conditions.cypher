// parts/flow-conditions: a FRAGMENT, the first half of parts/trade-flows (see there for what the
// filter means). From `flt` and parentId/parentAs/parentEnd in scope it adds `conditions` (the
// conditions set, in order) and `musts` (each with the nodes a matching flow is attached to,
// narrowest first when there are several), one row per row in scope; parts/flow-scan reads `musts`.
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
