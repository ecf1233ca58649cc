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
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Figure)
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
  WITH n, [CASE $sort WHEN 'VALUE' THEN toFloat(coalesce(n.value, -1.0e300)) WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
