// parts/keyset-order: a FRAGMENT, not a query (written where a page query says __KEYSET_ORDER__).
// The rows (n, key) of the page: after $gt / before $lt (keyset bounds, lists [sort value, id], or
// null), in key order ($desc: descending), at most $limit of them (page size + 1: the extra row
// tells whether there is a next page). A top-k sort over the filtered rows: nothing beyond $limit
// rows is kept.
WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
WITH n, key
ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
LIMIT $limit
