// market/page: one page of markets, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $kind       market kind or null (trade-bloc, trade-agreement, economic-zone)
//   $hasMember  region id or null: markets the region (or a region containing it) is or was a member of
//   $sort       sort name (see the sort key below)
//   $gt, $lt    keyset bounds (lists [sort value, id]) or null; $desc: scan descending;
//   $limit      page size + 1 (the extra row tells whether there is a next page)
//   $withCount  true to count the whole filtered list (a count, nothing is collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Market)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($hasMember IS NULL OR EXISTS { (:Region {id: $hasMember})-[:PART_OF*0..]->(:Region)-[:MEMBER_OF]->(n) })
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Market)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($hasMember IS NULL OR EXISTS { (:Region {id: $hasMember})-[:PART_OF*0..]->(:Region)-[:MEMBER_OF]->(n) })
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
