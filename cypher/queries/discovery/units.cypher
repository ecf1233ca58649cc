// discovery/units: the units values are stated in: figure units (percent, enterprises, CNY...),
// trade-flow currencies and quantity units, each with how many figures and flows use it.
// Parameters: none.
// Returns: unit, figures, flows; most uses first, then by unit.
CALL {
  MATCH (f:Figure) WHERE f.unit IS NOT NULL
  RETURN f.unit AS unit, count(f) AS figures, 0 AS flows
  UNION ALL
  MATCH (t:TradeFlow) WHERE t.currency IS NOT NULL
  RETURN t.currency AS unit, 0 AS figures, count(t) AS flows
  UNION ALL
  MATCH (t:TradeFlow) WHERE t.quantityUnit IS NOT NULL
  RETURN t.quantityUnit AS unit, 0 AS figures, count(t) AS flows
}
WITH unit, sum(figures) AS figures, sum(flows) AS flows
RETURN unit, figures, flows
ORDER BY figures + flows DESC, unit
