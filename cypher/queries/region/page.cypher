// region/page: one page of regions, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       region kind or null (country, district, ...)
//   $code       a code or null: equals iso2, iso3, m49 or gbCode
//   $memberOf   market id or null: regions that are or were members
//   $partOf     region id or null: regions inside it, at any depth
//   $sort       sort name (see the sort key below)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Region)
  __REGION_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:Region)
  __REGION_FILTER__
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
