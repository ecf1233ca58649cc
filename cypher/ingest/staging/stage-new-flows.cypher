// Stages new trade flows for import run $run: StagedFact nodes (no Fact/TradeFlow label, so no API
// query sees them) with their properties and their five relationships; publishing relabels them
// (publish-flows.cypher). Endpoints come as element ids, resolved once per import
// (src/ingest/staging/entities.ts), the cheapest lookup there is.
// `sourceCount` (the aggregates step's number of distinct sources, cypher/aggregates/source-counts)
// is 1 for every Comtrade flow (one file version states it), so the refresh after publishing finds
// it current instead of writing it on every new flow.
// $rows: [{id, props, from, to, reporter, product, excerpt}]; `props` includes sourceRow.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MATCH (r) WHERE elementId(r) = row.reporter
MATCH (p) WHERE elementId(p) = row.product
MATCH (e) WHERE elementId(e) = row.excerpt
CREATE (f:StagedFact {id: row.id, importRun: $run, sourceCount: 1})
SET f += row.props
CREATE (f)-[:FROM]->(a), (f)-[:TO]->(b), (f)-[:REPORTED_BY]->(r), (f)-[:OF_PRODUCT]->(p), (f)-[:STATED_IN]->(e)
RETURN count(*) AS count
