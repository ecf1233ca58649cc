// discovery/metrics: the figure metrics present in the graph, with how many figures state each,
// how many of them are qualitative (no value), and the units they are stated in.
// Parameters: none.
// Returns: metric, figures, qualitative, units (sorted); most figures first, then by metric.
MATCH (f:Figure)
WHERE f.metric IS NOT NULL
WITH f.metric AS metric, count(f) AS figures, count(f) - count(f.value) AS qualitative, collect(DISTINCT f.unit) AS units
RETURN metric, figures, qualitative, units
ORDER BY figures DESC, metric
