// aggregates/concentration: the whole graph's exporter concentration per group under $groupBy
// (PRODUCT, HS_CHAPTER, MARKET, DESTINATION), currency and direction, stored as one
// (:ConcentrationSummary) node each, so `concentration(by:)` without a filter (but the direction)
// reads a few thousand summaries instead of every flow (analytics/concentration-summaries).
// The exporters are what analytics/exporter-shares computes for the root field with no filter
// (the same parts: every flow, every direction), kept as parallel lists in value order; the
// measures the API sorts and filters by are stored too: total, exporterCount, hhi (computed as
// src/domain/analytics/concentration.ts computes it; the API recomputes every measure from the
// stored lists for the groups it returns). Run after every import (src/neo4j/aggregates.ts).
UNWIND [''] AS parentId
WITH parentId, null AS parentAs, null AS parentEnd, {} AS flt
__TRADE_FLOWS__
__FLOW_DIMENSION__
__EXPORTER_SHARES__
WITH key, label, currency, direction, exporters,
  reduce(t = 0.0, e IN exporters | t + e.value) AS total,
  reduce(t = 0.0, e IN exporters | t + CASE WHEN e.value > 0 THEN e.value ELSE 0.0 END) AS positiveTotal
CREATE (s:ConcentrationSummary)
SET s.by = $groupBy, s.key = key, s.label = label, s.currency = currency, s.direction = direction,
  s.exporterIds = [e IN exporters | e.key], s.exporterLabels = [e IN exporters | e.label],
  s.exporterValues = [e IN exporters | toFloat(e.value)], s.exporterFlows = [e IN exporters | e.flows],
  s.exporterCount = size(exporters), s.total = total,
  s.hhi = CASE WHEN positiveTotal > 0
    THEN round(reduce(h = 0.0, e IN exporters | h + CASE WHEN e.value > 0 THEN (100 * (e.value / positiveTotal)) * (100 * (e.value / positiveTotal)) ELSE 0.0 END) * 100) / 100
  END
RETURN count(s) AS written
