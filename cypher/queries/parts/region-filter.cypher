// parts/region-filter: a FRAGMENT, not a query (written where a query says __REGION_FILTER__).
// The filter of region/page on `n` (its parameters are documented there).
WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($code IS NULL OR $code IN [n.iso2, n.iso3, n.m49, n.gbCode])
  AND ($memberOf IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Market {id: $memberOf}) })
  AND ($partOf IS NULL OR EXISTS { (n)-[:PART_OF*1..]->(:Region {id: $partOf}) })
