// Recipe: what links a region's specialty products to foreign markets? For each specialty that
// originates in the region, the trade flows that carry it, with their company, channel and
// destination (the chain specialty -> company / channel -> market).
// Parameters:
//   :param region => "gb:500156"
// Returns: product, flow, year, company (null when the flow names none), channel, destination,
// markets (the destination itself when it is a market, else the markets it belongs to), value, currency.
MATCH (prod:Product)-[:ORIGINATES_IN]->(:Region {id: $region})
MATCH (f:TradeFlow)-[:OF_PRODUCT]->(:Product)-[:PART_OF|CLASSIFIED_AS*0..]->(prod)
WHERE f.direction IN ['EXPORT', 'RE_EXPORT']
MATCH (f)-[:TO]->(dest)
OPTIONAL MATCH (f)-[:TRADER]->(c:Company)
OPTIONAL MATCH (f)-[:VIA]->(ch:Policy)
RETURN prod.id AS product, f.id AS flow, f.periodStart AS year, c.id AS company, ch.id AS channel, dest.id AS destination,
       CASE WHEN dest:Market THEN [dest.id] ELSE [(dest)-[:PART_OF*0..]->(:Region)-[:MEMBER_OF]->(m:Market) | m.id] END AS markets,
       f.value AS value, f.currency AS currency
ORDER BY product, year, flow;
