// parts/product-filter: a FRAGMENT, not a query (written where a query says __PRODUCT_FILTER__).
// The filter of product/page on `n` (its parameters are documented there).
WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
  AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix
    OR EXISTS { (n)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix })
  AND ($hsEdition IS NULL OR n.hsEdition = $hsEdition)
  AND ($hsLevel IS NULL OR n.hsLevel = $hsLevel)
  AND ($named IS NULL OR (n.hsCode IS NULL) = $named)
  AND ($origin IS NULL OR EXISTS { (n)-[:ORIGINATES_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $origin}) })
