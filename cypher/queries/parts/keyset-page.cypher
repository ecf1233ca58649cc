// parts/keyset-page: a FRAGMENT, not a query (written where a page query says __KEYSET_PAGE__).
// The page of the rows (n, key) before it: the rows after $gt / before $lt (keyset bounds, lists
// [sort value, id], or null), in key order ($desc: descending), at most $limit of them (page size + 1:
// the extra row tells whether there is a next page), collected as `page` (list of {node, key}).
// A top-k sort over the filtered rows: nothing beyond $limit rows is kept. The page queries count
// their filtered rows in a branch of their own, run only when $withCount is true (totalCount asked).
WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
WITH n, key
ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
LIMIT $limit
RETURN collect({node: n, key: key}) AS page
