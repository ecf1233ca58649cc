// aggregates/sort-keys: the stored sort key of every listed kind, written where it is missing or
// stale (run after every import by src/neo4j/aggregates.ts; migration 008 writes it on an existing
// graph). `sortKey = toLower(name) + char 0 + id` (a Source's title): unique, indexed per label, so
// a NAME page is read in index order with LIMIT. Char 0 sorts first, so the keys' order is the order
// of [lower-cased name, id] (the NAME sort and its cursors). Committed in batches.
MATCH (n:Company|Facility|Market|Policy|Product|Region|Source)
CALL (n) {
  WITH n, toLower(coalesce(CASE WHEN n:Source THEN n.title ELSE n.name END, '')) + '\u0000' + n.id AS sortKey
  WITH n, sortKey WHERE n.sortKey IS NULL OR n.sortKey <> sortKey
  SET n.sortKey = sortKey
} IN TRANSACTIONS OF 10000 ROWS
