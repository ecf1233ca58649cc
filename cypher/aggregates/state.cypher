// aggregates/state: written last by every refresh (src/neo4j/aggregates.ts): how many facts and
// trade flows the stored aggregates were computed from (count-store reads, constant time). A read
// that serves an aggregate compares them with the graph's counts now: a fact added, retracted or
// restored since the last refresh (curation's retractFact, a write around the import pipeline)
// changes them, and the read computes directly instead of serving stale aggregates. (No time of
// the refresh: an import run twice leaves the graph as it was, this node included.)
MERGE (a:AggregateState {id: 'aggregates'})
// `incremental` 1: flows carry `aggKeys` (aggregates/concentration-keys), so the next import may
// refresh only what it touched; `refreshing` (aggregates/state-begin) is cleared: the refresh ended.
// `tradeTotals` 1: the trade total summaries and flow counts per direction are stored too
// (aggregates/trade-totals, aggregates/flow-counts; flows carry their COMPANY `aggKeys`): a graph
// refreshed before they existed gets a full refresh on its next import and is not served from them.
// `flowSortKeys` 1: every trade flow has its stored sort key (aggregates/flow-sort-keys; a flow
// written around the pipeline has none until the next refresh), so the root tradeFlows page may be
// read in its order; the check stops at the first flow without one.
SET a.facts = COUNT { (:Fact) }, a.tradeFlows = COUNT { (:TradeFlow) }, a.incremental = 1, a.tradeTotals = 1,
  a.flowSortKeys = CASE WHEN EXISTS { MATCH (f:TradeFlow) WHERE f.sortKey IS NULL } THEN 0 ELSE 1 END
REMOVE a.refreshing
RETURN a.facts AS facts, a.tradeFlows AS tradeFlows
