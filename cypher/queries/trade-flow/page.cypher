// trade-flow/page: a page of trade flows for each parent, filtered and sorted: the root tradeFlows
// field (one parent, '') and Company/Product/Region/Market.tradeFlows and Policy.flows.
// Which flows: parts/trade-flows (the filter plus the parent as one more condition), in its two
// halves: the conditions once per parent, then a scan for the count and one for the page (planning
// the conditions twice cost a text with a count about 145 ms more, warm, on the seed graph).
// Parameters:
//   $ids        parent ids ([''] for the root field)
//   $parentAs   null (root field), 'trader', 'product', 'place' or 'channel'
//   $parentEnd  for 'place': 'FROM' (flows leaving), 'TO' (arriving) or null (either)
//   $filter     the flow filter (flowParams of src/domain/trade-flow/trade-flow.repository.ts)
//   $sort       'PERIOD' | 'VALUE'
//   $gt, $lt    keyset bounds ([sort value, id]) or null; $desc: scan descending
//   $limit      page size + 1;  $withCount: true to count the filtered flows (nothing collected)
//   $storedCount true for the root field when the filter sets nothing but the directions: the count
//               is read from the stored counts per direction where they are current
//   $storedOrder true when, besides, the sort is PERIOD: the page is read in the order of the
//               flows' stored sort key index where the keys are current
//   $look       what the selection asks for under each flow (parts/flow-neighbours)
//   $fields     per node type, the properties the request reads (null: whole nodes; a page's nodes
//               and its flows' neighbours come as src/domain/shared/selected-properties.ts says)
//   $withParent true when a lookup of the parent runs as this query (shared/with-parent.ts): the
//               parent's node is returned too, found as node/by-ids finds it (any label with an id)
// A request's text has the count only when it asks for it, and of parts/trade-flows only what its
// filter and parent use (the guards, src/neo4j/query-parts.ts).
// Returns one row per parent: parentId, total (0 unless $withCount), page (list of {node, key, near} in scan order)
// and, with $withParent, parent (the parent's node, null when no node has its id).
UNWIND $ids AS parentId
WITH parentId, $parentAs AS parentAs, $parentEnd AS parentEnd, $filter AS flt
__FLOW_CONDITIONS__
// @if $storedCount=true
// The root field with no filter but the directions: what the import's refresh stored, while the
// graph has as many flows as it was computed from (aggregates/state). The count: the stored counts
// per direction (aggregates/flow-counts; storedTotal null: the flows are counted). The page in PERIOD
// order: read in the order of the flows' stored sort key (keyOrder; aggregates/flow-sort-keys).
// One row whatever holds.
CALL () {
  OPTIONAL MATCH (a:AggregateState {id: 'aggregates'}) WHERE $storedCount AND ($withCount OR $storedOrder)
  WITH a, coalesce(a.tradeFlows = COUNT { (:TradeFlow) }, false) AS current
  RETURN CASE WHEN current AND $withCount AND a.tradeTotals = 1 THEN
      CASE WHEN $filter.directions IS NULL THEN a.tradeFlows
      ELSE reduce(n = 0, i IN range(0, size(a.flowDirections) - 1) | n + CASE WHEN a.flowDirections[i] IN $filter.directions THEN a.flowDirectionCounts[i] ELSE 0 END) END
    END AS storedTotal,
    current AND $storedOrder AND coalesce(a.flowSortKeys = 1, false) AS keyOrder
}
// @end
CALL (parentId, parentAs, parentEnd, flt, musts
    , storedTotal  // @if $storedCount=true
  ) {
  WITH * WHERE $withCount
    AND storedTotal IS NULL  // @if $storedCount=true
  // @if $withCount=true
  __FLOW_SCAN__
  // @end
  RETURN count(*) AS counted
}
CALL (parentId, parentAs, parentEnd, flt, musts
    , keyOrder  // @if $storedCount=true
  ) {
  CALL (parentId, parentAs, parentEnd, flt, musts
      , keyOrder  // @if $storedCount=true
    ) {
    // @if $storedOrder=true
    // keyOrder (above): a range of the flows' sort key index, in its order, LIMIT $limit, checking
    // the directions on the way: a page reads about as many flows as it returns. One direction per
    // text (the guards): the planner checks $desc after the seek, so a branch of the other direction
    // read the whole range before its filter dropped every row (100,003 keys for a page of 20, at 100k).
    // @if $desc=false
    __PERIOD_KEY_BOUNDS__
    WITH * WHERE keyOrder AND keyable AND NOT $desc
    MATCH (f:TradeFlow) USING INDEX f:TradeFlow(sortKey)
    WHERE f.sortKey > lo AND (hi IS NULL OR f.sortKey < hi)
      AND (flt.directions IS NULL OR f.direction IN flt.directions)
    WITH f ORDER BY f.sortKey ASC LIMIT $limit
    RETURN f AS n, [toFloat(coalesce(f.periodStart, 0)), f.id] AS key
    UNION ALL
    // @end
    // @if $desc=true
    __PERIOD_KEY_BOUNDS__
    WITH * WHERE keyOrder AND keyable AND $desc
    MATCH (f:TradeFlow) USING INDEX f:TradeFlow(sortKey)
    WHERE f.sortKey > lo AND (hi IS NULL OR f.sortKey < hi)
      AND (flt.directions IS NULL OR f.direction IN flt.directions)
    WITH f ORDER BY f.sortKey DESC LIMIT $limit
    RETURN f AS n, [toFloat(coalesce(f.periodStart, 0)), f.id] AS key
    UNION ALL
    // @end
    // @end
    // Any other page: the filtered flows, sorted (a top-k sort: parts/keyset-order).
    // @if $storedOrder=true
    __PERIOD_KEY_BOUNDS__
    // @end
    WITH * WHERE true
      AND NOT (keyOrder AND keyable)  // @if $storedOrder=true
    __FLOW_SCAN__
    WITH f AS n, [CASE $sort WHEN 'VALUE' THEN toFloat(coalesce(f.value, -1.0)) ELSE toFloat(coalesce(f.periodStart, 0)) END, f.id] AS key
    __KEYSET_ORDER__
    RETURN n, key
  }
  __FLOW_NEIGHBOURS__
  RETURN collect({node: CASE WHEN $fields.TradeFlow IS NULL THEN n ELSE ['TradeFlow'] + [k IN $fields.TradeFlow | n[k]] END, key: key, near: near}) AS page
}
// @if $withParent=true
OPTIONAL CALL (parentId) {
  MATCH (x:__ID_LABELS__ {id: parentId}) WHERE $withParent
  RETURN x AS parent LIMIT 1
}
// @end
RETURN parentId, counted
    + coalesce(storedTotal, 0)  // @if $storedCount=true
  AS total, page
  , parent  // @if $withParent=true
