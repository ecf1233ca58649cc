// analytics/exporter-shares: per group (product, market, ...), currency and direction, each trading
// company's summed value: the input of concentration measures (src/domain/analytics/concentration.ts).
// __TRADE_FLOWS__, __FLOW_DIMENSION__ and __EXPORTER_SHARES__ are the fragments in parts/ (see there).
// Parameters: $ids, $parentAs, $parentEnd, $filter, $groupBy as in analytics/trade-totals.
// Returns per parent, group, currency and direction: parentId, key, label, node (the group's node or
// null), currency, direction, exporters (list of {key, label, node, value, flows}, largest first). Flows without a trader or a
// value cannot be attributed and are left out.
// Without a parent and with no filter but the direction, analytics/concentration-summaries answers
// the same from what imports store (cypher/aggregates/concentration.cypher).
UNWIND $ids AS parentId
WITH parentId, $parentAs AS parentAs, $parentEnd AS parentEnd, $filter AS flt
__TRADE_FLOWS__
__FLOW_DIMENSION__
__GROUP_LABEL__
__EXPORTER_SHARES__
RETURN parentId, key, label, node, currency, direction, exporters
ORDER BY parentId, key, currency, direction
