// discovery/periods: the periods facts are stated for (periodStart..periodEnd, years), with how many
// figures and trade flows state each; facts without a period ("currently") are counted apart.
// Parameters: none.
// Returns: periodStart, periodEnd (null for facts without a period), figures, flows; latest first.
CALL {
  MATCH (f:Figure)
  RETURN f.periodStart AS periodStart, f.periodEnd AS periodEnd, count(f) AS figures, 0 AS flows
  UNION ALL
  MATCH (t:TradeFlow)
  RETURN t.periodStart AS periodStart, t.periodEnd AS periodEnd, 0 AS figures, count(t) AS flows
}
WITH periodStart, periodEnd, sum(figures) AS figures, sum(flows) AS flows
RETURN periodStart, periodEnd, figures, flows
ORDER BY periodStart IS NULL, periodEnd DESC, periodStart DESC
