// figure/page: one page of figures (aggregate facts), filtered and sorted (root figures field).
// Parameters:
//   $metric, $unit, $about, $yearFrom, $yearTo, $hasBaseline, $baselineFrom, $baselineTo, $text
//                the filter (see parts/figure-filter)
//   $sort        sort name;  $gt, $lt, $desc, $limit, $withCount: paging (see parts/keyset-page)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Figure)
  __FIGURE_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:Figure)
  __FIGURE_FILTER__
  WITH n, [CASE $sort WHEN 'VALUE' THEN toFloat(coalesce(n.value, -1.0e300)) WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
