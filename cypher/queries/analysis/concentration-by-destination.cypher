// analysis/concentration-by-destination: how concentrated the trade into each destination (the
// region or market a flow goes TO) is among exporters.
// Parameters:
//   $directions    flow directions counted, e.g. ['EXPORT', 'RE_EXPORT']
//   $yearFrom, $yearTo  integers or null: flows whose period overlaps
//   $hsPrefix      HS digits or null: only products with this code prefix (or classified under one)
//   $maxExporters  integer or null: only subjects with at most this many exporters (1: single-exporter)
//   $limit         integer: number of subjects
// Returns: subject, flowCount, total (sum of values), byValue (shares by value, else by flow count),
// exporterCount, hhi (Herfindahl-Hirschman index of exporter shares, 0..1), shares ([{company, flows, value, share}]);
// most concentrated first.
MATCH (f:TradeFlow)-[:TO]->(s)
WHERE f.direction IN $directions
  AND ($yearFrom IS NULL OR coalesce(f.periodEnd, f.periodStart) >= $yearFrom)
  AND ($yearTo IS NULL OR coalesce(f.periodStart, f.periodEnd) <= $yearTo)
  AND ($hsPrefix IS NULL OR EXISTS {
    MATCH (f)-[:OF_PRODUCT]->(p:Product)
    WHERE p.hsCode STARTS WITH $hsPrefix OR EXISTS { (p)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix }
  })
MATCH (f)-[:TRADER]->(c:Company)
WITH s, c, count(DISTINCT f) AS flows, sum(coalesce(f.value, 0.0)) AS value
WITH s, collect({company: c, flows: flows, value: value}) AS traders, sum(flows) AS flowCount, sum(value) AS total
WHERE $maxExporters IS NULL OR size(traders) <= $maxExporters
WITH s, traders, flowCount, total, total > 0 AS byValue
WITH s, flowCount, total, byValue,
     [t IN traders | {company: t.company, flows: t.flows, value: t.value,
       share: CASE WHEN byValue THEN t.value / total ELSE toFloat(t.flows) / flowCount END}] AS shares
WITH s, flowCount, total, byValue, shares, reduce(h = 0.0, t IN shares | h + t.share * t.share) AS hhi
RETURN s AS subject, flowCount, total, byValue, size(shares) AS exporterCount, hhi, shares
ORDER BY hhi DESC, flowCount DESC, s.id
LIMIT $limit
