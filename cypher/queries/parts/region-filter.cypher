// parts/region-filter: a FRAGMENT, not a query (written where a query says __REGION_FILTER__).
// The filter of region/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))  // @if $name
  AND ($kind IS NULL OR n.kind = $kind)  // @if $kind
  AND ($code IS NULL OR $code IN [n.iso2, n.iso3, n.m49, n.gbCode])  // @if $code
  AND ($memberOf IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Market {id: $memberOf}) })  // @if $memberOf
  AND ($partOf IS NULL OR EXISTS { (n)-[:PART_OF*1..]->(:Region {id: $partOf}) })  // @if $partOf
