// analytics/trade-totals: trade flow values summed per group, per currency and per direction
// (values in different currencies or directions are never added together).
// __TRADE_FLOWS__ and __FLOW_DIMENSION__ are the fragments in parts/ (see there).
// Parameters:
//   $ids       parent ids: [''] for a root field; market or company ids for nested fields (batched)
//   $parentAs  null (root field), 'place' or 'trader': what each parent is (see parts/trade-flows)
//   $parentEnd for 'place': 'TO' (flows into it), 'FROM' or null
//   $filter    the flow filter (flowParams of src/domain/trade-flow/trade-flow.repository.ts)
//   $groupBy   PRODUCT | HS_CHAPTER | DESTINATION | ORIGIN | MARKET | COMPANY | CHANNEL | YEAR
//   $limit     the root field's `first` (one parent: its first rows), or null: every group
//   $withNode  false when the selection does not ask for the group's node: null is returned instead
//              (the node's properties are not read, sent or mapped; 200 destinations of a chapter)
// Returns per parent and group: parentId, key, label, node (the group's node or null), currency,
// direction, value (sum of the stated values; null when no flow of the group states one), flows
// (number of flows summed) and qualitativeFlows (flows that state no value, e.g. "the firm exports P
// to M" from a text: counted, never summed); largest value first, groups with qualitative flows only after them.
UNWIND $ids AS parentId
WITH parentId, $parentAs AS parentAs, $parentEnd AS parentEnd, $filter AS flt
__TRADE_FLOWS__
__FLOW_DIMENSION__
// Each flow once per group (the parts give distinct flows, and distinct groups per flow); grouped
// by node, the key and label read per group.
WITH parentId, node, other, f.currency AS currency, f.direction AS direction, count(f.value) AS flows, count(f) - count(f.value) AS qualitativeFlows, sum(f.value) AS total
__GROUP_LABEL__
RETURN parentId, key, label, CASE WHEN $withNode THEN node END AS node, currency, direction, CASE WHEN flows > 0 THEN total END AS value, flows, qualitativeFlows
ORDER BY parentId, flows = 0, value DESC, qualitativeFlows DESC, key, currency, direction
LIMIT coalesce($limit, 1000000000)  // @if $limit
