// Recipe: which companies export a product to a market, in which years, with what values?
// ("Which companies export motorcycles to ASEAN markets, in which years, with what figures?")
// A product matches its HS descendants and the named products classified under them; a named
// product also matches the HS entries it is classified as and their descendants (customs data
// records it under its HS code), as the API's product filter does. A market matches its member
// countries (and their sub-regions) while members. Values are summed per currency, never across currencies.
// Parameters (Neo4j Browser: run these lines first, without the leading //):
//   :param product => "hs2022:8711"
//   :param market => "market:asean"
// Returns: company, year, destination, currency, value, flows; by company then year.
MATCH (p:Product {id: $product})
CALL (p) {
  MATCH (p)<-[:PART_OF|CLASSIFIED_AS*0..]-(x:Product) RETURN x
  UNION
  MATCH (p)-[:CLASSIFIED_AS]->(:Product)<-[:PART_OF*0..]-(x:Product) RETURN x
}
MATCH (x)<-[:OF_PRODUCT]-(f:TradeFlow)
WHERE f.direction IN ['EXPORT', 'RE_EXPORT']
MATCH (f)-[:TO]->(dest)
WHERE dest.id = $market
   OR EXISTS {
     MATCH (dest)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(:Market {id: $market})
     WHERE (ms.fromYear IS NULL OR ms.fromYear <= coalesce(f.periodEnd, f.periodStart, 9999))
       AND (ms.toYear IS NULL OR ms.toYear >= coalesce(f.periodStart, f.periodEnd, 0))
   }
MATCH (f)-[:TRADER]->(c:Company)
RETURN c.id AS company, c.name AS name, f.periodStart AS year, dest.id AS destination,
       f.currency AS currency, sum(f.value) AS value, count(f) AS flows
ORDER BY company, year, destination, currency;
