// product/page: one page of products (HS entries and named products), filtered and sorted.
// Parameters:
//   $name       text or null: case-insensitive substring of name, nameZh or an alias
//   $hsPrefix   digits or null: HS entries whose code starts with them, and named products classified under one
//   $hsEdition  edition or null (HS2022)
//   $hsLevel    integer or null: 2, 4, 6, 8, 10
//   $named      true: named products only (no HS code); false: HS entries only; null: both
//   $origin     region id or null: products originating in the region or inside it
//   $sort       sort name (see the sort key below)
//   $gt, $lt    keyset bounds (lists [sort value, id]) or null; $desc: scan descending;
//   $limit      page size + 1 (the extra row tells whether there is a next page)
//   $withCount  true to count the whole filtered list (a count, nothing is collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Product)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix
      OR EXISTS { (n)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix })
    AND ($hsEdition IS NULL OR n.hsEdition = $hsEdition)
    AND ($hsLevel IS NULL OR n.hsLevel = $hsLevel)
    AND ($named IS NULL OR (n.hsCode IS NULL) = $named)
    AND ($origin IS NULL OR EXISTS { (n)-[:ORIGINATES_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $origin}) })
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Product)
  WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
    AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix
      OR EXISTS { (n)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix })
    AND ($hsEdition IS NULL OR n.hsEdition = $hsEdition)
    AND ($hsLevel IS NULL OR n.hsLevel = $hsLevel)
    AND ($named IS NULL OR (n.hsCode IS NULL) = $named)
    AND ($origin IS NULL OR EXISTS { (n)-[:ORIGINATES_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $origin}) })
  WITH n, [CASE $sort WHEN 'KEY' THEN n.id WHEN 'HS_CODE' THEN coalesce(n.hsCode, '~') ELSE toLower(coalesce(n.name, '')) END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
