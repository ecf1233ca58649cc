// Recipe: which figures grew fastest between two plan periods? Growth rates as the sources state
// them: percent figures whose baseline lies in the first plan's years and whose period lies in
// the second's (e.g. "+278.1% in 2024 compared with the end of the 13th FYP").
// Parameters:
//   :param baselinePlan => "policy:13th-five-year-plan"
//   :param plan => "policy:14th-five-year-plan"
// Returns: figure, metric, growthPercent, period, baseline, about (entity ids), statement; fastest first.
MATCH (b:Policy {id: $baselinePlan}), (p:Policy {id: $plan})
MATCH (g:Figure)
WHERE g.unit = 'percent' AND g.value IS NOT NULL
  AND g.baselineStart >= b.periodStart AND coalesce(g.baselineEnd, g.baselineStart) <= b.periodEnd
  AND g.periodStart >= p.periodStart AND coalesce(g.periodEnd, g.periodStart) <= p.periodEnd
RETURN g.id AS figure, g.metric AS metric, g.value AS growthPercent,
       toString(g.periodStart) + '-' + toString(g.periodEnd) AS period,
       toString(g.baselineStart) + '-' + toString(g.baselineEnd) AS baseline,
       COLLECT { MATCH (g)-[:ABOUT]->(x) RETURN x.id ORDER BY x.id } AS about, g.statement AS statement
ORDER BY growthPercent DESC, figure;
