// facility/page: one page of facilities, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of the name
//   $kind       facility kind or null (factory, warehouse, office)
//   $operator   company id or null
//   $region     region id or null: located in the region or inside it
//   $sort       sort name (see the sort key below)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Facility)
  __FACILITY_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:Facility)
  __FACILITY_FILTER__
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
