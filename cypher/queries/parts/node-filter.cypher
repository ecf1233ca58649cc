// parts/node-filter: a FRAGMENT, not a query (written where a query says __NODE_FILTER__).
// The filter of node/page on `n` (its parameters are documented there).
WHERE ($name IS NULL OR any(s IN [n.name, n.nameZh] + coalesce(n.aliases, []) WHERE toLower(s) CONTAINS toLower($name)))
  AND ($kind IS NULL OR n.kind = $kind)
