// The first 50 companies by name (case-insensitive, then id), each with its first 10 flows
// (as trader) by first year, then id.
MATCH (c:Company)
WITH c ORDER BY toLower(c.name), c.id LIMIT 50
CALL (c) {
  MATCH (c)<-[:TRADER]-(f:TradeFlow)
  WITH f ORDER BY f.periodStart, f.id LIMIT 10
  RETURN collect({id: f.id, value: f.value}) AS flows
}
RETURN c.id AS id, c.name AS name, flows
