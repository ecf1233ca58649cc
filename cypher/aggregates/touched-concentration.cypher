// aggregates/touched-concentration: aggregates/concentration for the groups $keys under $groupBy
// only (from aggregates/touched-concentration-groups), the incremental refresh after an import
// (src/neo4j/aggregates.ts): their summaries are deleted and written again from every flow now in
// them, the others are left as they are; aggregates/concentration-rank then ranks the whole
// $groupBy again. Same parts, same measures, same SET as aggregates/concentration (a test compares
// the two after several imports: aggregates-incremental.test.ts), with `rank` -1 until ranked.
// The flows of a group are found from its node, walking back the paths parts/flow-dimension walks
// forward (hs:unclassified: every flow with a trader), then grouped by that very part. They are
// summed in node id order, the order of the whole-graph scan, so every floating-point sum adds the
// same values in the same order and the stored doubles are the ones a full refresh stores.
CALL () {
  MATCH (s:ConcentrationSummary) WHERE s.by = $groupBy AND s.key IN $keys
  DELETE s
}
UNWIND $keys AS k
CALL (k) {
  WITH k WHERE $groupBy = 'PRODUCT'
  MATCH (:Product {id: k})<-[:OF_PRODUCT]-(f:TradeFlow) RETURN f
  UNION
  WITH k WHERE $groupBy = 'HS_CHAPTER' AND k <> 'hs:unclassified'
  MATCH (:Product {id: k})<-[:CLASSIFIED_AS|PART_OF*0..6]-(:Product)<-[:OF_PRODUCT]-(f:TradeFlow) RETURN f
  UNION
  WITH k WHERE $groupBy = 'HS_CHAPTER' AND k = 'hs:unclassified'
  MATCH (:Company)<-[:TRADER]-(f:TradeFlow) RETURN f
  UNION
  WITH k WHERE $groupBy = 'DESTINATION'
  MATCH (:Region {id: k})<-[:TO]-(f:TradeFlow) RETURN f
  UNION
  WITH k WHERE $groupBy IN ['DESTINATION', 'MARKET']
  MATCH (:Market {id: k})<-[:TO]-(f:TradeFlow) RETURN f
  UNION
  WITH k WHERE $groupBy = 'MARKET'
  MATCH (:Market {id: k})<-[:MEMBER_OF]-(:Region)<-[:PART_OF*0..]-(:Region)<-[:TO]-(f:TradeFlow) RETURN f
}
WITH DISTINCT f
WHERE EXISTS { (f)-[:TRADER]->(:Company) }
WITH f ORDER BY id(f)
WITH '' AS parentId, f
__FLOW_DIMENSION__
__GROUP_LABEL__
WITH * WHERE key IN $keys
__EXPORTER_SHARES__
WITH key, label, currency, direction, exporters, head(exporters) AS top,
  reduce(t = 0.0, e IN exporters | t + e.value) AS total,
  reduce(t = 0.0, e IN exporters | t + CASE WHEN e.value > 0 THEN e.value ELSE 0.0 END) AS positiveTotal,
  reduce(n = 0, e IN exporters | n + e.flows) AS flows
CREATE (s:ConcentrationSummary)
SET s.by = $groupBy, s.key = key, s.label = label, s.currency = currency, s.direction = direction,
  s.exporterIds = [e IN exporters | e.key], s.exporterLabels = [e IN exporters | e.label],
  s.exporterValues = [e IN exporters | toFloat(e.value)], s.exporterFlows = [e IN exporters | e.flows],
  s.exporterCount = size(exporters), s.total = total, s.flows = flows,
  s.topId = top.key, s.topLabel = top.label, s.topValue = toFloat(top.value), s.topFlows = top.flows,
  s.topShare = CASE WHEN top IS NULL THEN null
    WHEN positiveTotal > 0 THEN CASE WHEN top.value > 0 THEN toFloat(top.value) ELSE 0.0 END / positiveTotal
    ELSE 0.0 END,
  s.hhi = CASE WHEN positiveTotal > 0
    THEN round(reduce(h = 0.0, e IN exporters | h + CASE WHEN e.value > 0 THEN (100 * (e.value / positiveTotal)) * (100 * (e.value / positiveTotal)) ELSE 0.0 END) * 100) / 100
  END,
  s.rank = -1
RETURN count(s) AS written
