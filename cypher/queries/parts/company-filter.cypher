// parts/company-filter: a FRAGMENT, not a query (written where a query says __COMPANY_FILTER__).
// The filter of company/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))  // @if $name
  AND ($kind IS NULL OR n.kind = $kind)  // @if $kind
  // @if $region
  AND ($region IS NULL
    OR EXISTS { (n)-[:HEADQUARTERED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) }
    OR EXISTS { (n)-[:OPERATES]->(:Facility)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
  // @end
