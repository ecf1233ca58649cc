// analytics/trade-totals-stored: the root `tradeTotals` per group from the stored summaries
// (cypher/aggregates/trade-totals.cypher, written after every import), for a request with no filter
// but the direction: read in `rank` order from the (by, rank) index (migration 011), so a page costs
// what it returns. The same rows, in the same order, as analytics/trade-totals for that request
// (aggregates.test.ts compares them).
// Parameters:
//   $groupBy     COMPANY (the only grouping stored)
//   $directions  the directions wanted (null: all)
//   $limit       at most this many groups
// Returns one row per group, currency and direction: t (key, label, currency, direction, value,
// flows, qualitativeFlows, rank) and node (the company). `ready` is false when the summaries are
// not stored (a graph refreshed before they existed, or written around the pipeline) or when the
// graph has not as many trade flows as they were computed from (aggregates/state: a flow retracted
// or written since the last refresh): then analytics/trade-totals answers.
CALL () {
  OPTIONAL MATCH (a:AggregateState {id: 'aggregates'})
  RETURN coalesce(a.tradeTotals = 1 AND a.tradeFlows = COUNT { (:TradeFlow) }, false) AS ready
}
OPTIONAL CALL (ready) {
  WITH ready WHERE ready
  MATCH (s:TradeTotalSummary)
  WHERE s.by = $groupBy AND s.rank >= 0 AND ($directions IS NULL OR s.direction IN $directions)
  // s.by first, though it is fixed: only then does the planner read the (by, rank) index in order
  // and stop at the LIMIT (ORDER BY s.rank alone sorted every summary of the grouping: 63,326 at 100k flows).
  WITH s ORDER BY s.by, s.rank
  LIMIT $limit
  OPTIONAL MATCH (node:Company {id: s.key})
  RETURN s { .rank, .key, .label, .currency, .direction, .value, .flows, .qualitativeFlows } AS t, node
}
RETURN ready, t, node
