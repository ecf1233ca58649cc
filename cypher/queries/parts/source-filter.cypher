// parts/source-filter: a FRAGMENT, not a query (written where a query says __SOURCE_FILTER__).
// The filter of source/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($title IS NULL OR toLower(n.title) CONTAINS toLower($title))  // @if $title
  AND ($kind IS NULL OR n.kind = $kind)  // @if $kind
