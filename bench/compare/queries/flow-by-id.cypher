// One flow by id (Fact holds the unique id index) with its trader, product, destination, excerpts and their sources.
MATCH (f:Fact:TradeFlow {id: $flow})
OPTIONAL MATCH (f)-[:TRADER]->(c:Company)
OPTIONAL MATCH (f)-[:OF_PRODUCT]->(p:Product)
OPTIONAL MATCH (f)-[:TO]->(t)
CALL (f) {
  OPTIONAL MATCH (f)-[:STATED_IN]->(e:Excerpt)
  OPTIONAL MATCH (e)-[:EXCERPT_OF]->(s:Source)
  RETURN collect(DISTINCT {id: e.id, text: e.text}) AS excerpts, collect(DISTINCT {id: s.id, title: s.title}) AS sources
}
RETURN f.id AS id, f.direction AS direction, f.periodStart AS periodStart, f.value AS value, f.currency AS currency,
  {id: c.id, name: c.name} AS trader, {id: p.id, name: p.name} AS product, {id: t.id, name: t.name} AS to,
  excerpts, sources
