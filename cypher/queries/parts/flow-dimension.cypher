// parts/flow-dimension: a FRAGMENT, not a query (written where a query says __FLOW_DIMENSION__).
// For each trade flow `f` in scope, the group(s) it belongs to under $groupBy: `node` (the group's
// node) or, for a group that is no node, `other` (a year, or 'hs:unclassified'). Its `key` and
// `label` come from parts/group-label, written where a query needs them: after its aggregation when
// it groups (a property read per group, not per flow: 68 -> 59 ms for one HS chapter's exports per
// destination at 1M flows), else right after this part. A flow with no such participant
// (no trader for COMPANY, no channel for CHANNEL) belongs to no group. A flow can belong to several
// groups: to every market its destination belongs to when it was shipped (MARKET), to every chapter
// of a named product classified under several HS headings (HS_CHAPTER).
//   PRODUCT      the traded product (OF_PRODUCT)
//   HS_CHAPTER   the HS chapter (level 2) above the product, through CLASSIFIED_AS and PART_OF
//   DESTINATION  the TO region or market;  ORIGIN: the FROM region or market
//   MARKET       the destination market itself, or the markets the destination (or a region it is part of) is a member of at the flow's period
//   COMPANY      the trader (TRADER);  CHANNEL: the channel or trade form (VIA);  YEAR: periodStart
// A request's text keeps only its $groupBy's branches (the `groupBy` guards, src/neo4j/query-parts.ts);
// each branch returns distinct rows, as the UNION of all of them does: a walk that can reach a group
// twice says DISTINCT, a single hop need not (the graph has no parallel relationships of one type:
// ingest MERGEs them and names each end once), and a DISTINCT per flow costs 11% of a chapter's
// totals per destination at 1M flows.
CALL (f) {
  // @if groupBy=PRODUCT
  WITH f WHERE $groupBy = 'PRODUCT'
  MATCH (f)-[:OF_PRODUCT]->(d:Product)
  RETURN d AS node, null AS other
  // @end
  UNION
  // @if groupBy=HS_CHAPTER
  WITH f WHERE $groupBy = 'HS_CHAPTER'
  MATCH (f)-[:OF_PRODUCT]->(p:Product)
  OPTIONAL MATCH (p)-[:CLASSIFIED_AS|PART_OF*0..6]->(c:Product {hsLevel: 2})
  RETURN DISTINCT c AS node, CASE WHEN c IS NULL THEN 'hs:unclassified' END AS other
  // @end
  UNION
  // @if groupBy=DESTINATION
  WITH f WHERE $groupBy = 'DESTINATION'
  MATCH (f)-[:TO]->(d)
  RETURN d AS node, null AS other
  // @end
  UNION
  // @if groupBy=ORIGIN
  WITH f WHERE $groupBy = 'ORIGIN'
  MATCH (f)-[:FROM]->(d)
  RETURN d AS node, null AS other
  // @end
  UNION
  // @if groupBy=MARKET
  WITH f WHERE $groupBy = 'MARKET'
  MATCH (f)-[:TO]->(m:Market)
  RETURN DISTINCT m AS node, null AS other
  // @end
  UNION
  // @if groupBy=MARKET
  WITH f WHERE $groupBy = 'MARKET'
  MATCH (f)-[:TO]->(:Region)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(m:Market)
  WHERE (ms.fromYear IS NULL OR ms.fromYear <= coalesce(f.periodEnd, f.periodStart, 9999))
    AND (ms.toYear IS NULL OR ms.toYear >= coalesce(f.periodStart, f.periodEnd, 0))
  RETURN DISTINCT m AS node, null AS other
  // @end
  UNION
  // @if groupBy=COMPANY
  WITH f WHERE $groupBy = 'COMPANY'
  MATCH (f)-[:TRADER]->(d:Company)
  RETURN d AS node, null AS other
  // @end
  UNION
  // @if groupBy=CHANNEL
  WITH f WHERE $groupBy = 'CHANNEL'
  MATCH (f)-[:VIA]->(d:Policy)
  RETURN d AS node, null AS other
  // @end
  UNION
  // @if groupBy=YEAR
  WITH f WHERE $groupBy = 'YEAR' AND f.periodStart IS NOT NULL
  RETURN null AS node, toString(f.periodStart) AS other
  // @end
}
