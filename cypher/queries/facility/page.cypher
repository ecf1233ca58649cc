// facility/page: one page of facilities, filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of the name
//   $kind       facility kind or null (factory, warehouse, office)
//   $operator   company id or null
//   $region     region id or null: located in the region or inside it
//   $sort       sort name (see the sort key below)
//   $gt, $lt    keyset bounds (lists [sort value, id]) or null; $desc: scan descending;
//   $limit      page size + 1 (the extra row tells whether there is a next page)
//   $withCount  true to count the whole filtered list (a count, nothing is collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Facility)
  WHERE ($name IS NULL OR toLower(n.name) CONTAINS toLower($name))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($operator IS NULL OR EXISTS { (:Company {id: $operator})-[:OPERATES]->(n) })
    AND ($region IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Facility)
  WHERE ($name IS NULL OR toLower(n.name) CONTAINS toLower($name))
    AND ($kind IS NULL OR n.kind = $kind)
    AND ($operator IS NULL OR EXISTS { (:Company {id: $operator})-[:OPERATES]->(n) })
    AND ($region IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $region}) })
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
