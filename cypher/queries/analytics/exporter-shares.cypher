// analytics/exporter-shares: per group (product, market, ...), currency and direction, each trading
// company's summed value: the input of concentration measures (src/domain/analytics/concentration.ts).
// __TRADE_FLOWS__ and __FLOW_DIMENSION__ are the fragments in parts/ (see there).
// Parameters: $ids, $parentAs, $parentEnd, $filter, $groupBy as in analytics/trade-totals.
// Returns per parent, group, currency and direction: parentId, key, label, node (the group's node or
// null), currency, direction, exporters (list of {key, label, node, value, flows}, largest first). Flows without a trader or a
// value cannot be attributed and are left out.
UNWIND $ids AS parentId
WITH parentId, $parentAs AS parentAs, $parentEnd AS parentEnd, $filter AS flt
__TRADE_FLOWS__
__FLOW_DIMENSION__
MATCH (f)-[:TRADER]->(c:Company)
WITH DISTINCT parentId, f, key, label, node, c
WHERE f.value IS NOT NULL
WITH parentId, key, label, node, f.currency AS currency, f.direction AS direction, c, sum(f.value) AS value, count(f) AS flows
ORDER BY value DESC, c.id
WITH parentId, key, label, node, currency, direction, collect({key: c.id, label: coalesce(c.name, c.id), node: c, value: value, flows: flows}) AS exporters
RETURN parentId, key, label, node, currency, direction, exporters
ORDER BY parentId, key, currency, direction
