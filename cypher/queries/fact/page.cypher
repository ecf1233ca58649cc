// fact/page: one page of facts (figures and trade flows), filtered by kind, period, participant and provenance.
// Parameters:
//   $type        'Figure', 'TradeFlow' or null (both)
//   $yearFrom, $yearTo  integers or null: facts whose period overlaps
//   $about       id or null: facts with this participant (ABOUT, TRADER, OF_PRODUCT, FROM, TO, VIA)
//   $source      source id or null: facts stated by an excerpt of this source
//   $minSources, $maxSources  integers or null: number of distinct sources stating the fact
//                (maxSources 1 = facts resting on a single source)
//   $sort        sort name;  $gt, $lt: keyset bounds or null;  $desc: scan descending
//   $limit       page size + 1;  $withCount: true to count the filtered list (nothing collected;
//                from the stored counts when only kind and sources filter)
// A request's text has only its sort's branch, the count only when asked, and the filter's
// conditions it sets (the guards, src/neo4j/query-parts.ts).
// Returns one row: total (0 unless $withCount), page (list of {node, key} in scan order).
CALL () {
  // Filtered by nothing but kind and source count, the total is the sum of a few stored counts
  // (aggregates/fact-counts), unless facts were added or retracted since they were written
  // (aggregates/state); else every fact the filter matches is counted.
  OPTIONAL MATCH (a:AggregateState {id: 'aggregates'})
  WITH CASE WHEN NOT $withCount THEN 'none'
    WHEN $yearFrom IS NULL AND $yearTo IS NULL AND $about IS NULL AND $source IS NULL
      AND coalesce(a.facts = COUNT { (:Fact) }, false) AND COUNT { (:FactSourceCount) } > 0 THEN 'stored'
    ELSE 'counted' END AS how
  CALL (how) {
    // @if $withCount=false
    UNWIND CASE WHEN how = 'none' THEN [true] ELSE [] END AS go
    RETURN 0 AS facts
    // @end
    UNION ALL
    // @if $withCount=true
    UNWIND CASE WHEN how = 'stored' THEN [true] ELSE [] END AS go
    MATCH (c:FactSourceCount)
    WHERE ($type IS NULL OR $type IN c.labels)
      AND ($minSources IS NULL AND $maxSources IS NULL OR
        c.sourceCount >= coalesce($minSources, 0) AND c.sourceCount <= coalesce($maxSources, 1000000000))
    RETURN c.facts AS facts
    UNION ALL
    UNWIND CASE WHEN how = 'counted' THEN [true] ELSE [] END AS go
    MATCH (n:Fact)
    __FACT_FILTER__
    RETURN 1 AS facts
    // @end
  }
  RETURN sum(facts) AS total
}
CALL () {
  CALL () {
    // KEY pages read the fact_id index in order: a page reads what it returns (more only when the
    // filter rejects facts), not every fact.
    // @if sort=KEY & $desc=false
    WITH $sort AS sort WHERE sort = 'KEY' AND NOT $desc
    WITH CASE WHEN $gt IS NULL THEN '' ELSE $gt[1] END AS lo, CASE WHEN $lt IS NULL THEN null ELSE $lt[1] END AS hi
    MATCH (n:Fact) WHERE n.id > lo AND (hi IS NULL OR n.id < hi)
    WITH n
    __FACT_FILTER__
    WITH n ORDER BY n.id ASC LIMIT $limit
    RETURN n, [0.0, n.id] AS key
    // @end
    UNION ALL
    // @if sort=KEY & $desc=true
    WITH $sort AS sort WHERE sort = 'KEY' AND $desc
    WITH CASE WHEN $gt IS NULL THEN '' ELSE $gt[1] END AS lo, CASE WHEN $lt IS NULL THEN null ELSE $lt[1] END AS hi
    MATCH (n:Fact) WHERE n.id > lo AND (hi IS NULL OR n.id < hi)
    WITH n
    __FACT_FILTER__
    WITH n ORDER BY n.id DESC LIMIT $limit
    RETURN n, [0.0, n.id] AS key
    // @end
    UNION ALL
    // @if !sort=KEY
    WITH $sort AS sort WHERE sort <> 'KEY'
    MATCH (n:Fact)
    __FACT_FILTER__
    WITH n, [CASE $sort WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
    __KEYSET_ORDER__
    RETURN n, key
    // @end
  }
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
