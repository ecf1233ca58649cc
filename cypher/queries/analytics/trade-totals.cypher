// analytics/trade-totals: trade flow values summed per group, per currency and per direction
// (values in different currencies or directions are never added together).
// __FILTERED_FLOWS__ and __DIMENSION__ are the fragments in analytics/parts/ (see there).
// Parameters:
//   $ids       parent ids: [''] for a root field; market or company ids for nested fields (batched)
//   $parentAs  null, 'to' or 'trader': which filter key each parent id fills
//   $filter    the flow filter (flowParams of src/domain/trade-flow/trade-flow.repository.ts)
//   $groupBy   PRODUCT | HS_CHAPTER | DESTINATION | ORIGIN | MARKET | COMPANY | CHANNEL | YEAR
// Returns per parent and group: parentId, key, label, currency, direction, value (sum), flows
// (number of flows with a value); largest value first. Flows without a value are not counted.
UNWIND $ids AS parentId
WITH parentId, $filter AS base
WITH parentId, CASE $parentAs WHEN 'to' THEN base{.*, to: parentId} WHEN 'trader' THEN base{.*, trader: parentId} ELSE base END AS flt
__FILTERED_FLOWS__
__DIMENSION__
WITH DISTINCT parentId, f, key, label
WHERE f.value IS NOT NULL
RETURN parentId, key, label, f.currency AS currency, f.direction AS direction, sum(f.value) AS value, count(f) AS flows
ORDER BY parentId, value DESC, key, currency, direction
