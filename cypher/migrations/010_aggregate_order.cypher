// Stored aggregates served in milliseconds (issue #11): concentration summaries carry their rank
// in the API's order (most concentrated first), indexed with the grouping, so a page of summaries
// is an index range read with LIMIT; summaries written before they had a rank (and their measures)
// are removed, so that the direct computation answers until the next import writes them again
// (cypher/aggregates/concentration.cypher).
CREATE INDEX concentration_summary_rank IF NOT EXISTS FOR (s:ConcentrationSummary) ON (s.by, s.rank);
MATCH (s:ConcentrationSummary) WHERE s.rank IS NULL DETACH DELETE s;
