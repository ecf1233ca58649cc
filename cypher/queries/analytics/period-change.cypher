// analytics/period-change: change between two level figures (not growth rates) of the same metric,
// unit and subjects, one in a baseline period and one later: e.g. 3,761 enterprises in 2020 ->
// 4,739 in 2024 = +26.0%. Largest relative change first.
// Parameters (each null = no condition):
//   $metric                    e.g. 'enterprise-count'
//   $about                     graph id of an entity both figures are ABOUT
//   $baselineFrom, $baselineTo the earlier figure's period lies within these years
//   $yearFrom, $yearTo         the later figure's period lies within these years
//   $first                     how many
// Returns: baseline, current (Figures), about (their common subjects), change (current - baseline),
// changePercent (null when the baseline is 0).
MATCH (b:Figure)
WHERE b.value IS NOT NULL AND b.baselineStart IS NULL AND b.periodStart IS NOT NULL
  AND ($metric IS NULL OR b.metric = $metric)
  AND ($baselineFrom IS NULL OR b.periodStart >= $baselineFrom)
  AND ($baselineTo IS NULL OR coalesce(b.periodEnd, b.periodStart) <= $baselineTo)
WITH b, [(b)-[:ABOUT]->(x) | x.id] AS aboutIds
WHERE $about IS NULL OR $about IN aboutIds
MATCH (c:Figure {metric: b.metric, unit: b.unit})
WHERE c.value IS NOT NULL AND c.baselineStart IS NULL
  AND c.periodStart > coalesce(b.periodEnd, b.periodStart)
  AND ($yearFrom IS NULL OR c.periodStart >= $yearFrom)
  AND ($yearTo IS NULL OR coalesce(c.periodEnd, c.periodStart) <= $yearTo)
  AND COUNT { (c)-[:ABOUT]->() } = size(aboutIds)
  AND all(id IN aboutIds WHERE EXISTS { (c)-[:ABOUT]->(x) WHERE x.id = id })
WITH b, c, c.value - b.value AS change,
     CASE WHEN b.value <> 0 THEN 100.0 * (c.value - b.value) / abs(b.value) END AS changePercent
ORDER BY changePercent IS NULL, changePercent DESC, b.id, c.id
LIMIT $first
RETURN b AS baseline, c AS current, [(c)-[:ABOUT]->(x) | x] AS about, change, changePercent
