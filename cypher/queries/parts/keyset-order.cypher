// parts/keyset-order: a FRAGMENT, not a query (written where a page query says __KEYSET_ORDER__).
// The rows (n, key) of the page: after $gt / before $lt (keyset bounds, lists [sort value, id], or
// null), in key order ($desc: descending), at most $limit of them (page size + 1: the extra row
// tells whether there is a next page). A top-k sort over the filtered rows: nothing beyond $limit
// rows is kept. Each direction is its own line, guarded by $desc (a request runs one), instead of
// two CASE expressions per row: with the unasked provenance of parts/flow-neighbours left out too,
// the 50 traders' pages of bench/compare's company-page at 1M flows cost Neo4j 23.7 instead of
// 34.1 ms of CPU per query (8 clients).
WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
WITH n, key
ORDER BY key ASC  // @if $desc=false
ORDER BY key DESC  // @if $desc=true
LIMIT $limit
