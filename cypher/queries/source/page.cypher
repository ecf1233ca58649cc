// source/page: one page of sources, filtered and sorted.
// Parameters:
//   $title      text or null: case-insensitive substring of the title
//   $kind       source kind or null (official-document, news, official-statistics, customs-data, reference-data)
//   $sort       sort name (see the sort key below)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Source)
  __SOURCE_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:Source)
  __SOURCE_FILTER__
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id WHEN 'PUBLISHED' THEN toString(coalesce(n.published, '')) ELSE toLower(coalesce(n.title, '')) END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
