// Recipe: which imported goods come from which countries, through which channel? Imports of the
// given products (and their HS descendants or named products classified under them; for a named
// product also the HS entries it is classified as and their descendants, as the API's product
// filter does), per product, origin and channel, summed per currency.
// Parameters:
//   :param products => ["hs2022:0201", "hs2022:0202", "hs2022:0402", "hs2022:3304", "hs2022:8703"]
// Returns: product, origin, channel ('direct' when the flow names none), currency, value, flows.
MATCH (target:Product) WHERE target.id IN $products
CALL (target) {
  MATCH (target)<-[:PART_OF|CLASSIFIED_AS*0..]-(x:Product) RETURN x
  UNION
  MATCH (target)-[:CLASSIFIED_AS]->(:Product)<-[:PART_OF*0..]-(x:Product) RETURN x
}
MATCH (x)<-[:OF_PRODUCT]-(f:TradeFlow)
WHERE f.direction IN ['IMPORT', 'RE_IMPORT']
MATCH (f)-[:FROM]->(origin)
OPTIONAL MATCH (f)-[:VIA]->(ch:Policy)
WITH DISTINCT target, origin, ch, f
RETURN target.id AS product, origin.id AS origin, coalesce(ch.id, 'direct') AS channel, f.currency AS currency,
       sum(f.value) AS value, count(f) AS flows
ORDER BY product, value DESC, origin;
