// figure/page: one page of figures (aggregate facts), filtered and sorted (root figures field).
// Parameters:
//   $metric, $unit  exact values or null (export-value-growth; percent)
//   $about       id or null: figures about the entity or about something inside it (region or HS tree)
//   $yearFrom, $yearTo  integers or null: figures whose period overlaps
//   $hasBaseline boolean or null: growth figures measured against a baseline period
//   $baselineFrom, $baselineTo  integers or null: baseline period within these years (2016, 2020: the 13th FYP)
//   $text        text or null: case-insensitive substring of the statement
//   $sort        sort name;  $gt, $lt: keyset bounds or null;  $desc: scan descending
//   $limit       page size + 1;  $withCount: true to count the filtered list (nothing collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Figure)
  __FIGURE_FILTER__
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Figure)
  __FIGURE_FILTER__
  WITH n, [CASE $sort WHEN 'VALUE' THEN toFloat(coalesce(n.value, -1.0e300)) WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
