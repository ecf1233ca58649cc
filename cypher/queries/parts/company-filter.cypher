// parts/company-filter: a FRAGMENT, not a query (written where a query says __COMPANY_FILTER__).
// The filter of company/page on `n` (its parameters are documented there).
WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($region IS NULL
    OR EXISTS { (n)-[:HEADQUARTERED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) }
    OR EXISTS { (n)-[:OPERATES]->(:Facility)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
