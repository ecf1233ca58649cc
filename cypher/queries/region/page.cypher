// region/page: one page of regions, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       region kind or null (country, district, ...)
//   $code       a code or null: equals iso2, iso3, m49 or gbCode
//   $memberOf   market id or null: regions that are or were members
//   $partOf     region id or null: regions inside it, at any depth
//   $sort       sort name (see the sort key below)
//   $gt, $lt    keyset bounds (lists [sort value, id]) or null; $desc: scan descending;
//   $limit      page size + 1 (the extra row tells whether there is a next page)
//   $withCount  true to count the whole filtered list (a count, nothing is collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Region)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($code IS NULL OR $code IN [n.iso2, n.iso3, n.m49, n.gbCode])
    AND ($memberOf IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Market {id: $memberOf}) })
    AND ($partOf IS NULL OR EXISTS { (n)-[:PART_OF*1..]->(:Region {id: $partOf}) })
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Region)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($code IS NULL OR $code IN [n.iso2, n.iso3, n.m49, n.gbCode])
    AND ($memberOf IS NULL OR EXISTS { (n)-[:MEMBER_OF]->(:Market {id: $memberOf}) })
    AND ($partOf IS NULL OR EXISTS { (n)-[:PART_OF*1..]->(:Region {id: $partOf}) })
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
