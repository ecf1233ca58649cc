// Recipe: which products or markets depend on a single exporter? Per product, then per
// destination market, the exporters' shares of the exports in one currency and the
// Herfindahl-Hirschman index (sum of squared percentage shares, 0..10,000; 10,000 = one exporter).
// Flows without a trader cannot be attributed and are left out.
// Parameters:
//   :param yearFrom => 2000
//   :param yearTo => 2100
// Returns: dimension ('product' or 'market'), key, currency, total, exporters (count), top (company
// id), topShare, hhi; the most concentrated first.
MATCH (f:TradeFlow)-[:TRADER]->(c:Company)
WHERE f.direction IN ['EXPORT', 'RE_EXPORT'] AND f.value IS NOT NULL
  AND coalesce(f.periodEnd, f.periodStart) >= $yearFrom AND coalesce(f.periodStart, f.periodEnd) <= $yearTo
CALL (f) {
  MATCH (f)-[:OF_PRODUCT]->(p:Product) RETURN 'product' AS dimension, p.id AS key
  UNION
  MATCH (f)-[:TO]->(m:Market) RETURN 'market' AS dimension, m.id AS key
  UNION
  MATCH (f)-[:TO]->(:Region)-[:PART_OF*0..]->(:Region)-[ms:MEMBER_OF]->(m:Market)
  WHERE (ms.fromYear IS NULL OR ms.fromYear <= coalesce(f.periodEnd, f.periodStart, 9999))
    AND (ms.toYear IS NULL OR ms.toYear >= coalesce(f.periodStart, f.periodEnd, 0))
  RETURN 'market' AS dimension, m.id AS key
}
WITH dimension, key, f.currency AS currency, c, sum(f.value) AS value
WITH dimension, key, currency, sum(value) AS total, collect({company: c.id, value: value}) AS exporters
WITH dimension, key, currency, total, exporters,
     reduce(top = exporters[0], e IN exporters | CASE WHEN e.value > top.value OR (e.value = top.value AND e.company < top.company) THEN e ELSE top END) AS top
RETURN dimension, key, currency, total, size(exporters) AS exporters, top.company AS top,
       CASE WHEN total > 0 THEN top.value / toFloat(total) END AS topShare,
       CASE WHEN total > 0 THEN reduce(h = 0.0, e IN exporters | h + (100.0 * e.value / total) ^ 2) END AS hhi
ORDER BY hhi DESC, total DESC, dimension, key, currency;
