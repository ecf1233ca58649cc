// parts/facility-filter: a FRAGMENT, not a query (written where a query says __FACILITY_FILTER__).
// The filter of facility/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($name IS NULL OR toLower(n.name) CONTAINS toLower($name))  // @if $name
  AND ($kind IS NULL OR n.kind = $kind)  // @if $kind
  AND ($operator IS NULL OR EXISTS { (:Company {id: $operator})-[:OPERATES]->(n) })  // @if $operator
  AND ($region IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })  // @if $region
