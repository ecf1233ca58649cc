// fact/page: one page of facts (figures and trade flows), filtered by kind, period, participant and provenance.
// Parameters:
//   $type        'Figure', 'TradeFlow' or null (both)
//   $yearFrom, $yearTo  integers or null: facts whose period overlaps
//   $about       id or null: facts with this participant (ABOUT, TRADER, OF_PRODUCT, FROM, TO, VIA)
//   $source      source id or null: facts stated by an excerpt of this source
//   $minSources, $maxSources  integers or null: number of distinct sources stating the fact
//                (maxSources 1 = facts resting on a single source)
//   $sort        sort name;  $gt, $lt: keyset bounds or null;  $desc: scan descending
//   $limit       page size + 1;  $withCount: true to count the filtered list (nothing collected)
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  WITH $withCount AS wanted WHERE wanted
  MATCH (n:Fact)
  __FACT_FILTER__
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Fact)
  __FACT_FILTER__
  WITH n, [CASE $sort WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
  __KEYSET_PAGE__
}
RETURN total, page
