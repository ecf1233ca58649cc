// analytics/trade-totals: trade flow values summed per group, per currency and per direction
// (values in different currencies or directions are never added together).
// __TRADE_FLOWS__ and __FLOW_DIMENSION__ are the fragments in parts/ (see there).
// Parameters:
//   $ids       parent ids: [''] for a root field; market or company ids for nested fields (batched)
//   $parentAs  null (root field), 'place' or 'trader': what each parent is (see parts/trade-flows)
//   $parentEnd for 'place': 'TO' (flows into it), 'FROM' or null
//   $filter    the flow filter (flowParams of src/domain/trade-flow/trade-flow.repository.ts)
//   $groupBy   PRODUCT | HS_CHAPTER | DESTINATION | ORIGIN | MARKET | COMPANY | CHANNEL | YEAR
// Returns per parent and group: parentId, key, label, node (the group's node or null), currency, direction, value (sum), flows
// (number of flows with a value); largest value first. Flows without a value are not counted.
UNWIND $ids AS parentId
WITH parentId, $parentAs AS parentAs, $parentEnd AS parentEnd, $filter AS flt
__TRADE_FLOWS__
__FLOW_DIMENSION__
WITH DISTINCT parentId, f, key, label, node
WHERE f.value IS NOT NULL
RETURN parentId, key, label, node, f.currency AS currency, f.direction AS direction, sum(f.value) AS value, count(f) AS flows
ORDER BY parentId, value DESC, key, currency, direction
