// aggregates/concentration: the whole graph's exporter concentration per group under $groupBy
// (PRODUCT, HS_CHAPTER, MARKET, DESTINATION), currency and direction, stored as one
// (:ConcentrationSummary) node each, so `concentration(by:)` without a filter (but the direction)
// reads a few summaries in index order instead of every flow (analytics/concentration-summaries).
// The exporters are what analytics/exporter-shares computes for the root field with no filter
// (the same parts: every flow, every direction), kept as parallel lists in value order, read only
// when a request selects `exporters`. Every measure the API returns is stored, computed as
// src/domain/analytics/concentration.ts computes it from the same list in the same order (so the
// floating-point sums are the same): total, flows, exporterCount, hhi, the top exporter (topId,
// topLabel, topValue, topFlows) and its share; `rank` is the summary's place in the API's order
// (most concentrated first: hhi, then total, key, currency, direction), indexed with `by`
// (migration 010), so a page of the most concentrated groups reads what it returns.
// Run after every import (src/neo4j/aggregates.ts).
// @flag parent=none
UNWIND [''] AS parentId
WITH parentId, null AS parentAs, null AS parentEnd, {} AS flt
__TRADE_FLOWS__
__FLOW_DIMENSION__
__GROUP_LABEL__
__EXPORTER_SHARES__
WITH key, label, currency, direction, exporters, head(exporters) AS top,
  reduce(t = 0.0, e IN exporters | t + e.value) AS total,
  reduce(t = 0.0, e IN exporters | t + CASE WHEN e.value > 0 THEN e.value ELSE 0.0 END) AS positiveTotal,
  reduce(n = 0, e IN exporters | n + e.flows) AS flows
CREATE (s:ConcentrationSummary)
SET s.by = $groupBy, s.key = key, s.label = label, s.currency = currency, s.direction = direction,
  s.exporterIds = [e IN exporters | e.key], s.exporterLabels = [e IN exporters | e.label],
  s.exporterValues = [e IN exporters | toFloat(e.value)], s.exporterFlows = [e IN exporters | e.flows],
  s.exporterCount = size(exporters), s.total = total, s.flows = flows,
  s.topId = top.key, s.topLabel = top.label, s.topValue = toFloat(top.value), s.topFlows = top.flows,
  s.topShare = CASE WHEN top IS NULL THEN null
    WHEN positiveTotal > 0 THEN CASE WHEN top.value > 0 THEN toFloat(top.value) ELSE 0.0 END / positiveTotal
    ELSE 0.0 END,
  s.hhi = CASE WHEN positiveTotal > 0
    THEN round(reduce(h = 0.0, e IN exporters | h + CASE WHEN e.value > 0 THEN (100 * (e.value / positiveTotal)) * (100 * (e.value / positiveTotal)) ELSE 0.0 END) * 100) / 100
  END
WITH s ORDER BY coalesce(s.hhi, 0) DESC, s.total DESC, s.key, s.currency, s.direction
WITH collect(s) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH ranked[i] AS s, i
SET s.rank = i
RETURN count(s) AS written
