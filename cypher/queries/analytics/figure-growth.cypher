// analytics/figure-growth: growth rates as sources state them (figures in percent against a
// baseline period), fastest first: "which figures grew fastest between the 13th and 14th FYP".
// Parameters (each null = no condition):
//   $metric                    e.g. 'export-value-growth'
//   $about                     graph id of an entity the figure is ABOUT
//   $baselineFrom, $baselineTo the baseline period lies within these years (13th FYP: 2016, 2020)
//   $yearFrom, $yearTo         the measured period lies within these years (14th FYP: 2021, 2025)
//   $first                     how many
// Returns: node (the Figure), about (the entities it is about), fastest growth first.
MATCH (g:Figure)
WHERE g.unit = 'percent' AND g.value IS NOT NULL AND g.baselineStart IS NOT NULL
  AND ($metric IS NULL OR g.metric = $metric)
  AND ($baselineFrom IS NULL OR g.baselineStart >= $baselineFrom)
  AND ($baselineTo IS NULL OR coalesce(g.baselineEnd, g.baselineStart) <= $baselineTo)
  AND ($yearFrom IS NULL OR g.periodStart >= $yearFrom)
  AND ($yearTo IS NULL OR coalesce(g.periodEnd, g.periodStart) <= $yearTo)
  AND ($about IS NULL OR EXISTS { (g)-[:ABOUT]->(x) WHERE x.id = $about })
WITH g
ORDER BY g.value DESC, g.id
LIMIT $first
RETURN g AS node, [(g)-[:ABOUT]->(x) | x] AS about
