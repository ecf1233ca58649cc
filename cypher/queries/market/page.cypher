// market/page: one page of markets, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       market kind or null (trade-bloc, trade-agreement, economic-zone)
//   $hasMember  region id or null: markets the region (or a region containing it) is or was a member of
//   $sort       sort name (see the sort key below)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Market)
  __MARKET_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:Market)
  __MARKET_FILTER__
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
