// Stored trade flow sort keys (issue #11): `sortKey` = first year as six digits + char 0 + id
// (cypher/aggregates/flow-sort-keys.cypher, written by the import's aggregates refresh), indexed, so
// the root tradeFlows page in PERIOD order is an index range read with LIMIT (trade-flow/page) rather
// than a sort of every flow. Until a refresh has written every key (AggregateState.flowSortKeys), the
// page sorts as before.
CREATE INDEX trade_flow_sort_key IF NOT EXISTS FOR (f:TradeFlow) ON (f.sortKey);
