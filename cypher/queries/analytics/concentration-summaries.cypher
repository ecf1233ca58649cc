// analytics/concentration-summaries: exporter concentration per group from the stored summaries
// (cypher/aggregates/concentration.cypher, written after every import), most concentrated first
// (hhi, then total, then key, currency, direction: the order of the direct computation).
// Parameters:
//   $groupBy     PRODUCT, HS_CHAPTER, MARKET or DESTINATION
//   $directions  the directions wanted (EXPORT unless the filter says otherwise; null: all)
//   $singleOnly  true: groups with one exporter only
//   $limit       at most this many groups
// Returns one row per group, currency and direction: s (the summary), node (the group's node, or
// null for hs:unclassified), companies (the exporters' nodes, any order). `ready` is false when
// no summary is stored at all (then the direct computation answers).
CALL () {
  RETURN COUNT { (:ConcentrationSummary) } > 0 AS ready
}
OPTIONAL CALL (ready) {
  WITH ready WHERE ready
  MATCH (s:ConcentrationSummary {by: $groupBy})
  WHERE ($directions IS NULL OR s.direction IN $directions) AND (NOT $singleOnly OR s.exporterCount = 1)
  WITH s ORDER BY coalesce(s.hhi, 0) DESC, s.total DESC, s.key, s.currency, s.direction
  LIMIT $limit
  OPTIONAL MATCH (node:__ID_LABELS__ {id: s.key})
  RETURN s, node, COLLECT { UNWIND s.exporterIds AS cid MATCH (c:Company {id: cid}) RETURN c } AS companies
}
RETURN ready, s, node, companies
