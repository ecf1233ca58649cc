// A product's first 10 flows (by first year, then id), each with its trader and the trader's
// first 5 flows.
MATCH (p:Product {id: $product})<-[:OF_PRODUCT]-(f:TradeFlow)
WITH p, f ORDER BY f.periodStart, f.id LIMIT 10
MATCH (f)-[:TRADER]->(c:Company)
CALL (c) {
  MATCH (c)<-[:TRADER]-(g:TradeFlow)
  WITH g ORDER BY g.periodStart, g.id LIMIT 5
  RETURN collect({id: g.id, value: g.value}) AS traderFlows
}
RETURN p.id AS id, collect({id: f.id, value: f.value, trader: {id: c.id, name: c.name, flows: traderFlows}}) AS flows
