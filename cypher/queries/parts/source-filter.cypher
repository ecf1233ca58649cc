// parts/source-filter: a FRAGMENT, not a query (written where a query says __SOURCE_FILTER__).
// The filter of source/page on `n` (its parameters are documented there).
WHERE ($title IS NULL OR toLower(n.title) CONTAINS toLower($title))
  AND ($kind IS NULL OR n.kind = $kind)
