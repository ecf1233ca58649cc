// parts/keyset-page: a FRAGMENT, not a query (written where a page query says __KEYSET_PAGE__).
// The page of the rows (n, key) before it (parts/keyset-order: bounds, order, $limit), collected
// as `page` (list of {node, key}). The page queries count their filtered rows in a branch of their
// own, run only when $withCount is true (totalCount asked).
__KEYSET_ORDER__
RETURN collect({node: n, key: key}) AS page
