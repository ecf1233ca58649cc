// figure/about: a page of the figures about each entity (ABOUT), e.g. Product.figures.
// Parameters:
//   $ids         ids of the entities
//   $metric, $unit  exact values or null (export-value-growth; percent)
//   $about       id or null: figures about the entity or about something inside it (region or HS tree)
//   $yearFrom, $yearTo  integers or null: figures whose period overlaps
//   $hasBaseline boolean or null: growth figures measured against a baseline period
//   $baselineFrom, $baselineTo  integers or null: baseline period within these years (2016, 2020: the 13th FYP)
//   $text        text or null: case-insensitive substring of the statement
//   $sort        sort name;  $gt, $lt: keyset bounds or null;  $desc: scan descending
//   $limit       page size + 1;  $withCount: true to count the filtered list (nothing collected)
// Returns one row per parent: parentId, total (0 unless $withCount), page (list of {node, key}).
UNWIND $ids AS parentId
CALL (parentId) {
  WITH parentId WHERE $withCount
  MATCH (x:__ID_LABELS__ {id: parentId})
  MATCH (x)<-[:ABOUT]-(n:Figure)
  __FIGURE_FILTER__
  RETURN count(n) AS total
}
CALL (parentId) {
  MATCH (x:__ID_LABELS__ {id: parentId})
  MATCH (x)<-[:ABOUT]-(n:Figure)
  __FIGURE_FILTER__
  WITH n, [CASE $sort WHEN 'VALUE' THEN toFloat(coalesce(n.value, -1.0e300)) WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN parentId, total, page
