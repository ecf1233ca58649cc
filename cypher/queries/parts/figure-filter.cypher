// parts/figure-filter: a FRAGMENT, not a query (written where a query says __FIGURE_FILTER__).
// The filter of figures on `n` (figure/page and figure/about). Parameters:
//   $metric, $unit  exact values or null (export-value-growth; percent)
//   $about       id or null: figures about the entity or about something inside it (region or HS tree)
//   $yearFrom, $yearTo  integers or null: figures whose period overlaps
//   $hasBaseline boolean or null: growth figures measured against a baseline period
//   $baselineFrom, $baselineTo  integers or null: baseline period within these years (2016, 2020: the 13th FYP)
//   $text        text or null: case-insensitive substring of the statement
WHERE ($metric IS NULL OR n.metric = $metric)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($about IS NULL OR EXISTS {
    MATCH (n)-[:ABOUT]->(x)
    WHERE x.id = $about OR EXISTS { (x)-[:PART_OF*1..]->(y) WHERE y.id = $about }
  })
  AND ($yearFrom IS NULL OR coalesce(n.periodEnd, n.periodStart) >= $yearFrom)
  AND ($yearTo IS NULL OR coalesce(n.periodStart, n.periodEnd) <= $yearTo)
  AND ($hasBaseline IS NULL OR (n.baselineStart IS NOT NULL) = $hasBaseline)
  AND ($baselineFrom IS NULL OR n.baselineStart >= $baselineFrom)
  AND ($baselineTo IS NULL OR n.baselineEnd <= $baselineTo)
  AND ($text IS NULL OR toLower(coalesce(n.statement, '')) CONTAINS toLower($text))
