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
  WHERE ($type IS NULL OR $type IN labels(n))
    AND ($yearFrom IS NULL OR coalesce(n.periodEnd, n.periodStart) >= $yearFrom)
    AND ($yearTo IS NULL OR coalesce(n.periodStart, n.periodEnd) <= $yearTo)
    AND ($about IS NULL OR EXISTS { (n)-[:ABOUT|TRADER|OF_PRODUCT|FROM|TO|VIA]->(x) WHERE x.id = $about })
    AND ($source IS NULL OR EXISTS { (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(:Source {id: $source}) })
    AND ($minSources IS NULL AND $maxSources IS NULL OR
      COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s }
        >= coalesce($minSources, 0)
      AND COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s }
        <= coalesce($maxSources, 1000000000))
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Fact)
  WHERE ($type IS NULL OR $type IN labels(n))
    AND ($yearFrom IS NULL OR coalesce(n.periodEnd, n.periodStart) >= $yearFrom)
    AND ($yearTo IS NULL OR coalesce(n.periodStart, n.periodEnd) <= $yearTo)
    AND ($about IS NULL OR EXISTS { (n)-[:ABOUT|TRADER|OF_PRODUCT|FROM|TO|VIA]->(x) WHERE x.id = $about })
    AND ($source IS NULL OR EXISTS { (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(:Source {id: $source}) })
    AND ($minSources IS NULL AND $maxSources IS NULL OR
      COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s }
        >= coalesce($minSources, 0)
      AND COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s }
        <= coalesce($maxSources, 1000000000))
  WITH n, [CASE $sort WHEN 'PERIOD' THEN toFloat(coalesce(n.periodStart, 0)) ELSE 0.0 END, n.id] AS key
  WHERE ($gt IS NULL OR key > $gt) AND ($lt IS NULL OR key < $lt)
  WITH n, key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC
  LIMIT $limit
  RETURN collect({node: n, key: key}) AS page
}
RETURN total, page
