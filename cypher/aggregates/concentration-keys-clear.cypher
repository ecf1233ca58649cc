// aggregates/concentration-keys-clear: in a full refresh, `aggKeys` (see aggregates/concentration-keys)
// removed from every flow that has them but no trader (a graph written around the pipeline). Batched.
MATCH (f:TradeFlow) WHERE f.aggKeys IS NOT NULL AND NOT EXISTS { (f)-[:TRADER]->(:Company) }
CALL (f) {
  REMOVE f.aggKeys
} IN TRANSACTIONS OF 10000 ROWS
