// parts/exporter-shares: a FRAGMENT, not a query (written where a query says __EXPORTER_SHARES__).
// For the flows `f` in scope with their group (key, label, node: parts/flow-dimension), each
// trading company's summed value per group, currency and direction: `exporters`, a list of
// {key, label, node, value, flows}, largest first (then by company id). Flows without a trader or
// a value cannot be attributed and are left out. Used by analytics/exporter-shares (the direct
// computation) and aggregates/concentration (the stored summaries), so the two always agree.
MATCH (f)-[:TRADER]->(c:Company)
WITH DISTINCT parentId, f, key, label, node, c
WHERE f.value IS NOT NULL
WITH parentId, key, label, node, f.currency AS currency, f.direction AS direction, c, sum(f.value) AS value, count(f) AS flows
ORDER BY value DESC, c.id
WITH parentId, key, label, node, currency, direction, collect({key: c.id, label: coalesce(c.name, c.id), node: c, value: value, flows: flows}) AS exporters
