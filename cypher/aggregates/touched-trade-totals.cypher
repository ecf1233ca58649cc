// aggregates/touched-trade-totals: aggregates/trade-totals for the groups $keys under $groupBy
// (COMPANY) only, the incremental refresh after an import (src/neo4j/aggregates.ts): the groups an
// import may have changed are found as the concentration groups are
// (aggregates/touched-concentration-groups with groupBy COMPANY: the flows' `aggKeys` before and
// their traders now); their summaries are deleted and written again from every flow of the
// company, the others are left as they are; aggregates/trade-totals-rank then ranks them all again.
// The flows are summed in node id order, the order of the whole-graph scan, so the stored sums are
// the ones a full refresh stores (aggregates-incremental.test.ts compares the two).
CALL () {
  MATCH (s:TradeTotalSummary) WHERE s.by = $groupBy AND s.key IN $keys
  DELETE s
}
UNWIND $keys AS k
MATCH (:Company {id: k})<-[:TRADER]-(f:TradeFlow)
WITH DISTINCT f
WITH f ORDER BY id(f)
WITH '' AS parentId, f
__FLOW_DIMENSION__
__GROUP_LABEL__
WITH * WHERE key IN $keys
WITH key, label, f.currency AS currency, f.direction AS direction, count(f.value) AS flows, count(f) - count(f.value) AS qualitativeFlows, sum(f.value) AS total
CREATE (s:TradeTotalSummary)
SET s.by = $groupBy, s.key = key, s.label = label, s.currency = currency, s.direction = direction,
  s.value = CASE WHEN flows > 0 THEN total END, s.flows = flows, s.qualitativeFlows = qualitativeFlows, s.rank = -1
RETURN count(s) AS written
