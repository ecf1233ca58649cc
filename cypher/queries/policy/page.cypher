// policy/page: one page of policies, programs, brands and channels, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       policy kind or null (plan, program, brand, platform, trade-form, ...)
//   $appliesIn  region id or null: in force in the region or a region containing it
//   $year       integer or null: in force that year (periodStart..periodEnd, open ends allowed)
//   $supports   id or null: policies that support this entity
//   $sort       sort name (see the sort key below)
//   $gt, $lt    keyset bounds (lists [sort value, id]) or null; $desc: scan descending;
//   $limit      page size + 1 (the extra row tells whether there is a next page)
//   $withCount  true to count the whole filtered list (a count, nothing is collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Policy)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($appliesIn IS NULL OR EXISTS { (n)-[:APPLIES_IN]->(:Region)<-[:PART_OF*0..]-(:Region {id: $appliesIn}) })
    AND ($year IS NULL OR (coalesce(n.periodStart, $year) <= $year AND coalesce(n.periodEnd, $year) >= $year))
    AND ($supports IS NULL OR EXISTS { (n)-[:SUPPORTS]->(t) WHERE t.id = $supports })
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Policy)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($appliesIn IS NULL OR EXISTS { (n)-[:APPLIES_IN]->(:Region)<-[:PART_OF*0..]-(:Region {id: $appliesIn}) })
    AND ($year IS NULL OR (coalesce(n.periodStart, $year) <= $year AND coalesce(n.periodEnd, $year) >= $year))
    AND ($supports IS NULL OR EXISTS { (n)-[:SUPPORTS]->(t) WHERE t.id = $supports })
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
