// parts/keyset-order: a FRAGMENT, not a query (written where a page query says __KEYSET_ORDER__).
// The rows (n, key) of the page: after $gt / before $lt (keyset bounds, lists [sort value, id], or
// null), in key order ($desc: descending), at most $limit of them (page size + 1: the extra row
// tells whether there is a next page). A top-k sort over the filtered rows: nothing beyond $limit
// rows is kept. Each direction is its own line, guarded by $desc (a request runs one), instead of
// two CASE expressions per row: with the unasked provenance of parts/flow-neighbours left out too,
// product-traders' traders' pages ran at 299 instead of 270 q/s at 1M flows (8 clients;
// bench/compare/README.md, session 11).
WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
WITH n, key
ORDER BY key ASC  // @if $desc=false
ORDER BY key DESC  // @if $desc=true
LIMIT $limit
