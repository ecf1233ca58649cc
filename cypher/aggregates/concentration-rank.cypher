// aggregates/concentration-rank: every summary's `rank` under $groupBy, its place in the API's
// order (most concentrated first: hhi, then total, key, currency, direction), the order
// aggregates/concentration ranks in. Run after aggregates/touched-concentration rewrote some groups
// (src/neo4j/aggregates.ts): a rank is a place among all the summaries, so one changed group can
// move every summary after it. It reads the summaries only (a few per product, market and
// destination, never the flows) and writes only the ranks that changed.
MATCH (s:ConcentrationSummary) WHERE s.by = $groupBy
WITH s ORDER BY coalesce(s.hhi, 0) DESC, s.total DESC, s.key, s.currency, s.direction
WITH collect(s) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH ranked[i] AS s, i
WHERE s.rank IS NULL OR s.rank <> i
SET s.rank = i
RETURN count(s) AS written
