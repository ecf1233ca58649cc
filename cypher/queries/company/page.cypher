// company/page: one page of companies, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       company kind or null (enterprise, group)
//   $region     region id or null: headquartered or with a facility in the region or inside it
//   $sort       sort name (see the sort key below)
//   $gt, $lt    keyset bounds (lists [sort value, id]) or null; $desc: scan descending;
//   $limit      page size + 1 (the extra row tells whether there is a next page)
//   $withCount  true to count the whole filtered list (a count, nothing is collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Company)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($region IS NULL
      OR EXISTS { (n)-[:HEADQUARTERED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) }
      OR EXISTS { (n)-[:OPERATES]->(:Facility)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Company)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($region IS NULL
      OR EXISTS { (n)-[:HEADQUARTERED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) }
      OR EXISTS { (n)-[:OPERATES]->(:Facility)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
