// Single-exporter dependence in rank order (issue #11): the concentration summaries of groups with
// one exporter, read from this index in rank order with LIMIT (analytics/concentration-summaries
// with $singleOnly), instead of reading every group's summary in rank order and keeping the few
// with one exporter (3 of 10,000 summaries per grouping at 100k synthetic flows).
CREATE INDEX concentration_summary_single IF NOT EXISTS FOR (s:ConcentrationSummary) ON (s.by, s.exporterCount, s.rank);
