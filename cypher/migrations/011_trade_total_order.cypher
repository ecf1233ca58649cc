// Stored trade totals served in milliseconds (issue #11): the per-company totals imports store
// (cypher/aggregates/trade-totals.cypher) carry their rank in the API's order (largest value first),
// indexed with the grouping, so the root `tradeTotals(groupBy: COMPANY)` page is an index range read
// with LIMIT (analytics/trade-totals-stored).
CREATE INDEX trade_total_summary_rank IF NOT EXISTS FOR (s:TradeTotalSummary) ON (s.by, s.rank);
