// analytics/concentration-summaries: exporter concentration per group from the stored summaries
// (cypher/aggregates/concentration.cypher, written after every import), most concentrated first:
// read in `rank` order from the (by, rank) index (migration 010; with $singleOnly the (by,
// exporterCount, rank) index of migration 013), so a page costs what it returns.
// Parameters:
//   $groupBy     PRODUCT, HS_CHAPTER, MARKET or DESTINATION
//   $directions  the directions wanted (EXPORT unless the filter says otherwise; null: all)
//   $singleOnly  true: groups with one exporter only
//   $limit       at most this many groups
//   $exporters, $exporterNodes, $topNode   whether the request selects `exporters`,
//                `exporters { node }`, `topExporter { node }`: lists of tens of thousands of
//                exporters (a market's) and their nodes are read only when asked for
// Returns one row per group, currency and direction: m (the stored measures and top exporter),
// node (the group's node, or null for hs:unclassified), lists (the exporter lists, or null),
// companies (the exporters' nodes, any order), top (the top exporter's node, in a list).
// `ready` is false when no summary is stored, or when the graph has not as many trade flows as the
// summaries were computed from (aggregates/state: a flow retracted or written since the last
// refresh): then the direct computation answers.
CALL () {
  OPTIONAL MATCH (a:AggregateState {id: 'aggregates'})
  RETURN COUNT { (:ConcentrationSummary) } > 0 AND coalesce(a.tradeFlows = COUNT { (:TradeFlow) }, false) AS ready
}
OPTIONAL CALL (ready) {
  WITH ready WHERE ready
  MATCH (s:ConcentrationSummary)
  WHERE s.by = $groupBy AND s.rank >= 0
    AND s.exporterCount = 1  // @if $singleOnly=true
    AND ($directions IS NULL OR s.direction IN $directions)
  // s.by first, though it is fixed: only then does the planner read the (by, rank) index in order
  // and stop at the LIMIT (ORDER BY s.rank alone sorted every summary of the grouping: 10,000 at 100k flows).
  // Single exporters only: the (by, exporterCount, rank) index (migration 013), so that the few
  // groups with one exporter are not found by reading every group in rank order.
  WITH s ORDER BY s.by,
    s.exporterCount,  // @if $singleOnly=true
    s.rank
  LIMIT $limit
  OPTIONAL MATCH (node:__ID_LABELS__ {id: s.key})
  RETURN s { .rank, .key, .label, .currency, .direction, .total, .flows, .exporterCount, .hhi, .topShare, .topId, .topLabel, .topValue, .topFlows } AS m,
    node,
    CASE WHEN $exporters THEN s { .exporterIds, .exporterLabels, .exporterValues, .exporterFlows } END AS lists,
    COLLECT { UNWIND CASE WHEN $exporterNodes THEN s.exporterIds ELSE [] END AS cid MATCH (c:Company {id: cid}) RETURN c } AS companies,
    COLLECT { UNWIND CASE WHEN $topNode THEN [s.topId] ELSE [] END AS cid MATCH (c:Company {id: cid}) RETURN c } AS top
}
RETURN ready, m, node, lists, companies, top
