// product/page: one page of products (HS entries and named products), filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $hsPrefix   digits or null: HS entries whose code starts with them, and named products classified under one
//   $hsEdition  edition or null (HS2022)
//   $hsLevel    integer or null: 2, 4, 6, 8, 10
//   $named      true: named products only (no HS code); false: HS entries only; null: both
//   $origin     region id or null: products originating in the region or inside it
//   $sort       sort name (see the sort key below)
//   $gt, $lt, $desc, $limit, $withCount  paging (see parts/keyset-page): keyset bounds, direction, page size + 1, count wanted
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  // @if $withCount=true
  MATCH (n:Product)
  __PRODUCT_FILTER__
  // @end
  RETURN count(*) AS total
}
CALL () {
  MATCH (n:Product)
  __PRODUCT_FILTER__
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id WHEN 'HS_CODE' THEN coalesce(n.hsCode, '~') ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
