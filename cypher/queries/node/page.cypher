// node/page: one page of the nodes of one label, for a kind of the model that has no page query of
// its own (a kind just added: src/domain/shared/root-list.resolver.ts uses it when a type names no
// `query`); __LABEL__ is that kind's label. Filtered by name and kind, sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       the kind's `kind` value or null
//   $sort       sort name (see the sort key below)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:__LABEL__)
  __NODE_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:__LABEL__)
  __NODE_FILTER__
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
