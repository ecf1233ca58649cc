// trade-flow/by-ids: trade flows by graph id (the tradeFlow lookup), with what the selection asks
// for under each (parts/flow-neighbours: trader, product, ends, reporter, channels, provenance).
// Parameters:
//   $ids   trade flow ids, e.g. ['flow:comtrade:H6:2022:156:764:X:8711']
//   $look  map of booleans: trader, product, from, to, reportedBy, via, provenance
//   $fields per node type, the properties the request reads (null: whole nodes; src/domain/shared/selected-properties.ts)
// Returns one row per flow found: parentId, node, near.
UNWIND $ids AS parentId
MATCH (n:Fact:TradeFlow {id: parentId})
__FLOW_NEIGHBOURS__
RETURN parentId, CASE WHEN $fields.TradeFlow IS NULL THEN n ELSE ['TradeFlow'] + [k IN $fields.TradeFlow | n[k]] END AS node, near
