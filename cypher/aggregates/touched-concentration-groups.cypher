// aggregates/touched-concentration-groups: the concentration groups under $groupBy that an import
// may have changed, for the incremental refresh (src/neo4j/aggregates.ts). Run before
// aggregates/touched-concentration, in the same transaction.
// The flows an import can have moved in or out of a group, or whose group or exporter it renamed:
// the flows it wrote ($touched.Fact), those stated in the excerpts it wrote ($touched.Excerpt: a
// staged run's file versions), and those that reach what it wrote through the paths the groups
// follow (parts/flow-dimension): a company (TRADER: its name is in every summary it is part of), a
// product and everything under it (OF_PRODUCT, PART_OF, CLASSIFIED_AS: PRODUCT, HS_CHAPTER), a
// region and its sub-regions (TO, PART_OF: DESTINATION, MARKET), a market and its members (TO,
// MEMBER_OF). Only flows with a trader count in a summary (parts/exporter-shares), so only those,
// and those that had one, matter.
// `aggKeys` on a flow lists the groups it counted in when the summaries were last written
// (`<groupBy>|<key>`): the groups it was in before the import. The groups to compute again are
// those and the groups it is in now; this query stores the latter as the flow's new `aggKeys`
// (for $groupBy) and returns both.
CALL () {
  UNWIND coalesce($touched.Fact, []) AS id MATCH (f:Fact {id: id}) WHERE f:TradeFlow RETURN f
  UNION
  UNWIND coalesce($touched.Excerpt, []) AS id MATCH (:Excerpt {id: id})<-[:STATED_IN]-(f:TradeFlow) RETURN f
  UNION
  UNWIND coalesce($touched.Company, []) AS id MATCH (:Company {id: id})<-[:TRADER]-(f:TradeFlow) RETURN f
  UNION
  UNWIND coalesce($touched.Product, []) AS id MATCH (:Product {id: id})<-[:PART_OF|CLASSIFIED_AS*0..]-(:Product)<-[:OF_PRODUCT]-(f:TradeFlow) RETURN f
  UNION
  UNWIND coalesce($touched.Region, []) AS id MATCH (:Region {id: id})<-[:PART_OF*0..]-(:Region)<-[:TO]-(f:TradeFlow) RETURN f
  UNION
  UNWIND coalesce($touched.Market, []) AS id MATCH (:Market {id: id})<-[:TO]-(f:TradeFlow) RETURN f
  UNION
  UNWIND coalesce($touched.Market, []) AS id MATCH (:Market {id: id})<-[:MEMBER_OF]-(:Region)<-[:PART_OF*0..]-(:Region)<-[:TO]-(f:TradeFlow) RETURN f
}
WITH f, EXISTS { (f)-[:TRADER]->(:Company) } AS traded
WHERE traded OR f.aggKeys IS NOT NULL
CALL (f, traded) {
  WITH f WHERE traded
  __FLOW_DIMENSION__
  __GROUP_LABEL__
  WITH DISTINCT key ORDER BY key
  RETURN collect(key) AS now
}
WITH f, now, [k IN coalesce(f.aggKeys, []) WHERE k STARTS WITH $groupBy + '|' | substring(k, size($groupBy) + 1)] AS before,
  [k IN coalesce(f.aggKeys, []) WHERE NOT k STARTS WITH $groupBy + '|'] + [k IN now | $groupBy + '|' + k] AS keys
CALL (f, keys) {
  WITH f, keys WHERE coalesce(f.aggKeys, []) <> keys
  SET f.aggKeys = CASE WHEN size(keys) = 0 THEN null ELSE keys END
}
UNWIND before + now AS key
WITH DISTINCT key
RETURN collect(key) AS keys
