// parts/flow-dimension: a FRAGMENT, not a query (written where a query says __FLOW_DIMENSION__).
// For each trade flow `f` in scope, the group(s) it belongs to under $groupBy, as `key` (a graph id,
// a year, or 'hs:unclassified'), `label` (a display name) and `node` (the group's node; null for a
// year or hs:unclassified). A flow with no such participant
// (no trader for COMPANY, no channel for CHANNEL) belongs to no group. A flow can belong to several
// groups: to every market its destination belongs to when it was shipped (MARKET), to every chapter
// of a named product classified under several HS headings (HS_CHAPTER).
//   PRODUCT      the traded product (OF_PRODUCT)
//   HS_CHAPTER   the HS chapter (level 2) above the product, through CLASSIFIED_AS and PART_OF
//   DESTINATION  the TO region or market;  ORIGIN: the FROM region or market
//   MARKET       the destination market itself, or the markets the destination (or a region it is part of) is a member of at the flow's period
//   COMPANY      the trader (TRADER);  CHANNEL: the channel or trade form (VIA);  YEAR: periodStart
// A request's text keeps only its $groupBy's branches (the `groupBy` guards, src/neo4j/query-parts.ts);
// each branch returns distinct rows itself, as the UNION of all of them does.
CALL (f) {
  // @if groupBy=PRODUCT
  WITH f WHERE $groupBy = 'PRODUCT'
  MATCH (f)-[:OF_PRODUCT]->(d:Product)
  RETURN DISTINCT d.id AS key, coalesce(d.name, d.id) AS label, d AS node
  // @end
  UNION
  // @if groupBy=HS_CHAPTER
  WITH f WHERE $groupBy = 'HS_CHAPTER'
  MATCH (f)-[:OF_PRODUCT]->(p:Product)
  OPTIONAL MATCH (p)-[:CLASSIFIED_AS|PART_OF*0..6]->(c:Product {hsLevel: 2})
  RETURN DISTINCT coalesce(c.id, 'hs:unclassified') AS key, coalesce(c.name, c.id, 'Not classified under an HS chapter') AS label, c AS node
  // @end
  UNION
  // @if groupBy=DESTINATION
  WITH f WHERE $groupBy = 'DESTINATION'
  MATCH (f)-[:TO]->(d)
  RETURN DISTINCT d.id AS key, coalesce(d.name, d.id) AS label, d AS node
  // @end
  UNION
  // @if groupBy=ORIGIN
  WITH f WHERE $groupBy = 'ORIGIN'
  MATCH (f)-[:FROM]->(d)
  RETURN DISTINCT d.id AS key, coalesce(d.name, d.id) AS label, d AS node
  // @end
  UNION
  // @if groupBy=MARKET
  WITH f WHERE $groupBy = 'MARKET'
  MATCH (f)-[:TO]->(m:Market)
  RETURN DISTINCT m.id AS key, coalesce(m.name, m.id) AS label, m AS node
  // @end
  UNION
  // @if groupBy=MARKET
  WITH f WHERE $groupBy = 'MARKET'
  MATCH (f)-[:TO]->(:Region)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(m:Market)
  WHERE (ms.fromYear IS NULL OR ms.fromYear <= coalesce(f.periodEnd, f.periodStart, 9999))
    AND (ms.toYear IS NULL OR ms.toYear >= coalesce(f.periodStart, f.periodEnd, 0))
  RETURN DISTINCT m.id AS key, coalesce(m.name, m.id) AS label, m AS node
  // @end
  UNION
  // @if groupBy=COMPANY
  WITH f WHERE $groupBy = 'COMPANY'
  MATCH (f)-[:TRADER]->(d:Company)
  RETURN DISTINCT d.id AS key, coalesce(d.name, d.id) AS label, d AS node
  // @end
  UNION
  // @if groupBy=CHANNEL
  WITH f WHERE $groupBy = 'CHANNEL'
  MATCH (f)-[:VIA]->(d:Policy)
  RETURN DISTINCT d.id AS key, coalesce(d.name, d.id) AS label, d AS node
  // @end
  UNION
  // @if groupBy=YEAR
  WITH f WHERE $groupBy = 'YEAR' AND f.periodStart IS NOT NULL
  RETURN DISTINCT toString(f.periodStart) AS key, toString(f.periodStart) AS label, null AS node
  // @end
}
