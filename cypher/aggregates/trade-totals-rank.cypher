// aggregates/trade-totals-rank: every trade total summary's `rank` under $groupBy, its place in
// analytics/trade-totals' order (largest value first, groups with qualitative flows only after
// them, then qualitative flows, key, currency, direction), the order aggregates/trade-totals ranks
// in. Run after aggregates/touched-trade-totals rewrote some groups (src/neo4j/aggregates.ts):
// reads the summaries only, never the flows, and writes only the ranks that changed.
MATCH (s:TradeTotalSummary) WHERE s.by = $groupBy
WITH s ORDER BY s.flows = 0, s.value DESC, s.qualitativeFlows DESC, s.key, s.currency, s.direction
WITH collect(s) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH ranked[i] AS s, i
WHERE s.rank IS NULL OR s.rank <> i
SET s.rank = i
RETURN count(s) AS written
