// parts/market-filter: a FRAGMENT, not a query (written where a query says __MARKET_FILTER__).
// The filter of market/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))  // @if $name
  AND ($kind IS NULL OR n.kind = $kind)  // @if $kind
  AND ($hasMember IS NULL OR EXISTS { (:Region {id: $hasMember})-[:PART_OF*0..]->(:Region)-[:MEMBER_OF]->(n) })  // @if $hasMember
