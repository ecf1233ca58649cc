// aggregates/flow-sort-keys: the stored sort key of every trade flow, written where it is missing or
// stale (run by every refresh, full and incremental, src/neo4j/aggregates.ts). `sortKey` =
// the first year as six digits (0 when the flow has no period) + char 0 + id: indexed (migration 012),
// so the root tradeFlows page in PERIOD order (by first year, then id) is read in index order with
// LIMIT (trade-flow/page) instead of sorting every flow. Six digits sort as the numbers they write
// (years are whole numbers from 0 to 999999; the model's validation holds them to years), and char 0
// sorts first, so the keys' order is the order of [first year, id]. Committed in batches.
MATCH (f:TradeFlow)
CALL (f) {
  WITH f, right('000000' + toString(toInteger(coalesce(f.periodStart, 0))), 6) + '\u0000' + f.id AS sortKey
  WITH f, sortKey WHERE f.sortKey IS NULL OR f.sortKey <> sortKey
  SET f.sortKey = sortKey
} IN TRANSACTIONS OF 10000 ROWS
