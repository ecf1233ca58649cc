// parts/trade-summary: a FRAGMENT, not a query (written where a query says __TRADE_SUMMARY__).
// From rows of a trade flow `f` and the entity `other` at its other end (a company, product or
// place), one row per `other`: flowCount, periods ([start, end] pairs) and totals (per currency
// {currency, value, flows} over the flows stating a value: values in different currencies are
// never added); most flows first, at most $limit.
WITH DISTINCT other, f
WITH other, f.currency AS currency, count(f) AS flowCount, count(f.value) AS valued, sum(f.value) AS value,
     collect(DISTINCT [f.periodStart, f.periodEnd]) AS periods
WITH other, sum(flowCount) AS flowCount, collect(periods) AS periodLists,
     collect(CASE WHEN valued > 0 THEN {currency: currency, value: value, flows: valued} END) AS totals
RETURN other, flowCount, totals, reduce(acc = [], ps IN periodLists | acc + ps) AS periods
ORDER BY flowCount DESC, other.id
LIMIT $limit
