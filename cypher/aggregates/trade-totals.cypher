// aggregates/trade-totals: the whole graph's trade totals per group under $groupBy (COMPANY: the
// trader), currency and direction, stored as one (:TradeTotalSummary) node each, so the root
// `tradeTotals(groupBy: COMPANY)` with no filter but the direction reads a page of them in index
// order (analytics/trade-totals-stored) instead of grouping every flow. The same parts, grouping,
// measures and order as analytics/trade-totals computes for the root field with no filter (every
// flow, every direction: a direction filter keeps or drops whole groups, so it is a WHERE on the
// stored rows), in the same scan order (so the floating-point sums are the same); `rank` is the
// group's place in that query's order, indexed with `by` (migration 011).
// Run after every import (src/neo4j/aggregates.ts), replacing the $groupBy summaries as a whole.
// @flag parent=none
CALL () {
  MATCH (old:TradeTotalSummary) WHERE old.by = $groupBy
  DELETE old
}
UNWIND [''] AS parentId
WITH parentId, null AS parentAs, null AS parentEnd, {} AS flt
__TRADE_FLOWS__
__FLOW_DIMENSION__
WITH node, other, f.currency AS currency, f.direction AS direction, count(f.value) AS flows, count(f) - count(f.value) AS qualitativeFlows, sum(f.value) AS total
__GROUP_LABEL__
WITH key, label, currency, direction, CASE WHEN flows > 0 THEN total END AS value, flows, qualitativeFlows
ORDER BY flows = 0, value DESC, qualitativeFlows DESC, key, currency, direction
WITH collect({key: key, label: label, currency: currency, direction: direction, value: value, flows: flows, qualitativeFlows: qualitativeFlows}) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH ranked[i] AS r, i
CREATE (s:TradeTotalSummary)
SET s.by = $groupBy, s.key = r.key, s.label = r.label, s.currency = r.currency, s.direction = r.direction,
  s.value = r.value, s.flows = r.flows, s.qualitativeFlows = r.qualitativeFlows, s.rank = i
RETURN count(s) AS written
