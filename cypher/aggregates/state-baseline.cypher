// aggregates/state-baseline: read by an import before it writes (src/neo4j/aggregates.ts): whether
// the stored aggregates are exactly the graph's as it is now, so that a refresh of what the import
// touches leaves them exact. True when the last refresh was a complete one of this kind
// (`incremental`: the flows carry their groups, `aggKeys`), did not stop midway (`refreshing`),
// and the graph still has as many facts and trade flows as it computed them from (no write around
// the pipeline since, such as a retraction), and the trade totals and every flow's sort key were part
// of it (`tradeTotals`, `flowSortKeys`). Otherwise the import's refresh is a full one.
OPTIONAL MATCH (a:AggregateState {id: 'aggregates'})
RETURN coalesce(a.incremental = 1 AND a.tradeTotals = 1 AND a.flowSortKeys = 1 AND a.refreshing IS NULL
  AND a.facts = COUNT { (:Fact) } AND a.tradeFlows = COUNT { (:TradeFlow) }, false) AS current
