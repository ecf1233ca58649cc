// policy/page: one page of policies, programs, brands and channels, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       policy kind or null (plan, program, brand, platform, trade-form, ...)
//   $appliesIn  region id or null: in force in the region or a region containing it
//   $year       integer or null: in force that year (periodStart..periodEnd, open ends allowed)
//   $supports   id or null: policies that support this entity
//   $sort       sort name (see the sort key below)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Policy)
  __POLICY_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:Policy)
  __POLICY_FILTER__
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
