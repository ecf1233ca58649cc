// parts/product-filter: a FRAGMENT, not a query (written where a query says __PRODUCT_FILTER__).
// The filter of product/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))  // @if $name
  // @if $hsPrefix
  AND ($hsPrefix IS NULL OR n.hsCode STARTS WITH $hsPrefix
    OR EXISTS { (n)-[:CLASSIFIED_AS]->(h:Product) WHERE h.hsCode STARTS WITH $hsPrefix })
  // @end
  AND ($hsEdition IS NULL OR n.hsEdition = $hsEdition)  // @if $hsEdition
  AND ($hsLevel IS NULL OR n.hsLevel = $hsLevel)  // @if $hsLevel
  AND ($named IS NULL OR (n.hsCode IS NULL) = $named)  // @if $named
  AND ($origin IS NULL OR EXISTS { (n)-[:ORIGINATES_IN]->(:Region)-[:PART_OF*0..]->(:Region {id: $origin}) })  // @if $origin
