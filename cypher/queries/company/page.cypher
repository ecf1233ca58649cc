// company/page: one page of companies, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       company kind or null (enterprise, group)
//   $region     region id or null: headquartered or with a facility in the region or inside it
//   $sort       sort name: NAME (case-insensitive name, then id) or KEY (id)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
// NAME pages read the company_sort_key index in order (migration 008): a page reads about as many
// companies as it returns (more only when a filter rejects some); other sorts sort the filtered rows.
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Company)
  __COMPANY_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  CALL () {
    // @if sort=NAME & $desc=false
    WITH $sort AS sort WHERE sort = 'NAME' AND NOT $desc
    __SORT_KEY_BOUNDS__
    MATCH (n:Company) WHERE n.sortKey > lo AND (hi IS NULL OR n.sortKey < hi)
    WITH n
    __COMPANY_FILTER__
    WITH n ORDER BY n.sortKey ASC LIMIT $limit
    RETURN n, [toLower(coalesce(n.name, '')), n.id] AS key
    // @end
    UNION ALL
    // @if sort=NAME & $desc=true
    WITH $sort AS sort WHERE sort = 'NAME' AND $desc
    __SORT_KEY_BOUNDS__
    MATCH (n:Company) WHERE n.sortKey > lo AND (hi IS NULL OR n.sortKey < hi)
    WITH n
    __COMPANY_FILTER__
    WITH n ORDER BY n.sortKey DESC LIMIT $limit
    RETURN n, [toLower(coalesce(n.name, '')), n.id] AS key
    // @end
    UNION ALL
    // @if !sort=NAME
    WITH $sort AS sort WHERE sort <> 'NAME'
    MATCH (n:Company)
    __COMPANY_FILTER__
    WITH n, [n.id, n.id] AS key
    __KEYSET_ORDER__
    RETURN n, key
    // @end
  }
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
