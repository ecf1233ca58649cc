// analytics/exporter-shares: per group (product, market, ...), currency and direction, each trading
// company's summed value: the input of concentration measures (src/domain/analytics/concentration.ts).
// __FILTERED_FLOWS__ and __DIMENSION__ are the fragments in analytics/parts/ (see there).
// Parameters: $ids, $parentAs, $filter, $groupBy as in analytics/trade-totals.
// Returns per parent, group, currency and direction: parentId, key, label, currency, direction,
// exporters (list of {key, label, value, flows}, largest first). Flows without a trader or a
// value cannot be attributed and are left out.
UNWIND $ids AS parentId
WITH parentId, $filter AS base
WITH parentId, CASE $parentAs WHEN 'to' THEN base{.*, to: parentId} WHEN 'trader' THEN base{.*, trader: parentId} ELSE base END AS flt
__FILTERED_FLOWS__
__DIMENSION__
MATCH (f)-[:TRADER]->(c:Company)
WITH DISTINCT parentId, f, key, label, c
WHERE f.value IS NOT NULL
WITH parentId, key, label, f.currency AS currency, f.direction AS direction, c, sum(f.value) AS value, count(f) AS flows
ORDER BY value DESC, c.id
WITH parentId, key, label, currency, direction, collect({key: c.id, label: coalesce(c.name, c.id), value: value, flows: flows}) AS exporters
RETURN parentId, key, label, currency, direction, exporters
ORDER BY parentId, key, currency, direction
