// The live flows among a batch's ids, with what a re-import compares: their properties and the
// element ids of their endpoints. A fresh import finds none (one index seek per id, missed).
// $ids: [flow id].
UNWIND $ids AS id
MATCH (f:Fact {id: id})
RETURN id, f:TradeFlow AS isFlow, properties(f) AS props,
  [(f)-[:FROM]->(x) | elementId(x)] AS from,
  [(f)-[:TO]->(x) | elementId(x)] AS to,
  [(f)-[:REPORTED_BY]->(x) | elementId(x)] AS reporter,
  [(f)-[:OF_PRODUCT]->(x) | elementId(x)] AS product
