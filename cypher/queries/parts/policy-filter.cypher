// parts/policy-filter: a FRAGMENT, not a query (written where a query says __POLICY_FILTER__).
// The filter of policy/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))  // @if $name
  AND ($kind IS NULL OR n.kind = $kind)  // @if $kind
  AND ($appliesIn IS NULL OR EXISTS { (n)-[:APPLIES_IN]->(:Region)<-[:PART_OF*0..]-(:Region {id: $appliesIn}) })  // @if $appliesIn
  AND ($year IS NULL OR (coalesce(n.periodStart, $year) <= $year AND coalesce(n.periodEnd, $year) >= $year))  // @if $year
  AND ($supports IS NULL OR EXISTS { (n)-[:SUPPORTS]->(t) WHERE t.id = $supports })  // @if $supports
