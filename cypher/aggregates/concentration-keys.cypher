// aggregates/concentration-keys: after a full refresh (aggregates/concentration), every flow's
// `aggKeys` under $groupBy: the groups it counts in (`<groupBy>|<key>`, parts/flow-dimension), so a
// later incremental refresh knows which groups a flow leaves when an import moves it
// (aggregates/touched-concentration-groups). Only flows with a trader count in a summary, so only
// they carry it (aggregates/concentration-keys-clear removes it from the others first). Batched.
MATCH (:Company)<-[:TRADER]-(f:TradeFlow)
WITH DISTINCT f
CALL (f) {
  CALL (f) {
    __FLOW_DIMENSION__
    __GROUP_LABEL__
    WITH DISTINCT key ORDER BY key
    RETURN collect(key) AS now
  }
  WITH f, [k IN coalesce(f.aggKeys, []) WHERE NOT k STARTS WITH $groupBy + '|'] + [k IN now | $groupBy + '|' + k] AS keys
  WITH f, keys WHERE coalesce(f.aggKeys, []) <> keys
  SET f.aggKeys = CASE WHEN size(keys) = 0 THEN null ELSE keys END
} IN TRANSACTIONS OF 10000 ROWS
