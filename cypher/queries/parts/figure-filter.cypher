// parts/figure-filter: a FRAGMENT, not a query (written where a query says __FIGURE_FILTER__).
// The filter of figures on `n` (figure/page and figure/about). Parameters:
//   $metric, $unit  exact values or null (export-value-growth; percent)
//   $about       id or null: figures about the entity or about something inside it (region or HS tree)
//   $yearFrom, $yearTo  integers or null: figures whose period overlaps
//   $hasBaseline boolean or null: growth figures measured against a baseline period
//   $baselineFrom, $baselineTo  integers or null: baseline period within these years (2016, 2020: the 13th FYP)
//   $text        text or null: case-insensitive substring of the statement
// Each condition is guarded by its parameter (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($metric IS NULL OR n.metric = $metric)  // @if $metric
  AND ($unit IS NULL OR n.unit = $unit)  // @if $unit
  // @if $about
  AND ($about IS NULL OR EXISTS {
    MATCH (n)-[:ABOUT]->(x)
    WHERE x.id = $about OR EXISTS { (x)-[:PART_OF*1..]->(y) WHERE y.id = $about }
  })
  // @end
  AND ($yearFrom IS NULL OR coalesce(n.periodEnd, n.periodStart) >= $yearFrom)  // @if $yearFrom
  AND ($yearTo IS NULL OR coalesce(n.periodStart, n.periodEnd) <= $yearTo)  // @if $yearTo
  AND ($hasBaseline IS NULL OR (n.baselineStart IS NOT NULL) = $hasBaseline)  // @if $hasBaseline
  AND ($baselineFrom IS NULL OR n.baselineStart >= $baselineFrom)  // @if $baselineFrom
  AND ($baselineTo IS NULL OR n.baselineEnd <= $baselineTo)  // @if $baselineTo
  AND ($text IS NULL OR toLower(coalesce(n.statement, '')) CONTAINS toLower($text))  // @if $text
