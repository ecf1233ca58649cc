// figure/about: a page of the figures about each entity (ABOUT), e.g. Product.figures.
// Parameters:
//   $ids         ids of the entities
//   $metric, $unit, $about, $yearFrom, $yearTo, $hasBaseline, $baselineFrom, $baselineTo, $text
//                the filter (see parts/figure-filter)
//   $sort        sort name;  $gt, $lt, $desc, $limit, $withCount: paging (see parts/keyset-page)
// Returns one row per parent: parentId, total (0 unless $withCount), page (list of {node, key}).
UNWIND $ids AS parentId
CALL (parentId) {
  WITH parentId WHERE $withCount
  MATCH (x:__ID_LABELS__ {id: parentId})
  MATCH (x)<-[:ABOUT]-(n:Figure)
  __FIGURE_FILTER__
  RETURN count(n) AS total
}
CALL (parentId) {
  MATCH (x:__ID_LABELS__ {id: parentId})
  MATCH (x)<-[:ABOUT]-(n:Figure)
  __FIGURE_FILTER__
  WITH n, [CASE $sort WHEN 'VALUE' THEN toFloat(coalesce(n.value, -1.0e300)) WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN parentId, total, page
