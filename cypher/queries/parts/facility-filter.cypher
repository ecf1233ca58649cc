// parts/facility-filter: a FRAGMENT, not a query (written where a query says __FACILITY_FILTER__).
// The filter of facility/page on `n` (its parameters are documented there).
WHERE ($name IS NULL OR toLower(n.name) CONTAINS toLower($name))
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($operator IS NULL OR EXISTS { (:Company {id: $operator})-[:OPERATES]->(n) })
  AND ($region IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
