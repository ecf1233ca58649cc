// Stages one batch of Comtrade trade flows for import run $run, and says per row what it does:
// - 'created': no flow with this id yet. A StagedFact node (no Fact/TradeFlow label, so invisible
//   to every API query) is created with its properties and its five relationships; publishing
//   relabels it (publish-flows.cypher).
// - 'unchanged': the live flow already says the same (properties and endpoints); nothing written,
//   it keeps citing the file version that states this value.
// - 'updated': the live flow says something else. Its new state goes to a StagedUpdate node,
//   swapped in at publish (publish-updates.cypher), which also re-points its STATED_IN to the file
//   version that states the new value.
// Endpoints come as element ids (resolved once per import, src/ingest/staging/stage.ts), the
// cheapest lookup there is. $rows: [{id, props, sourceRow, at, from, to, reporter, product, excerpt}];
// `props` holds every property the row owns (null = absent), sourceRow excluded: a flow that moved
// to another line of a file that says the same is unchanged.
UNWIND $rows AS row
OPTIONAL MATCH (old:Fact {id: row.id})
WITH row, old, CASE
    WHEN old IS NULL THEN 'created'
    WHEN old:TradeFlow
      AND all(k IN keys(row.props) WHERE CASE
        WHEN row.props[k] IS NULL THEN old[k] IS NULL
        ELSE coalesce(old[k] = row.props[k], false)
      END)
      AND EXISTS { MATCH (old)-[:FROM]->(x) WHERE elementId(x) = row.from }
      AND EXISTS { MATCH (old)-[:TO]->(x) WHERE elementId(x) = row.to }
      AND EXISTS { MATCH (old)-[:REPORTED_BY]->(x) WHERE elementId(x) = row.reporter }
      AND EXISTS { MATCH (old)-[:OF_PRODUCT]->(x) WHERE elementId(x) = row.product }
      THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome = 'created'
  MATCH (a) WHERE elementId(a) = row.from
  MATCH (b) WHERE elementId(b) = row.to
  MATCH (r) WHERE elementId(r) = row.reporter
  MATCH (p) WHERE elementId(p) = row.product
  MATCH (e) WHERE elementId(e) = row.excerpt
  CREATE (f:StagedFact {id: row.id, importRun: $run, stagedAt: row.at, sourceRow: row.sourceRow})
  SET f += row.props
  CREATE (f)-[:FROM]->(a), (f)-[:TO]->(b), (f)-[:REPORTED_BY]->(r), (f)-[:OF_PRODUCT]->(p), (f)-[:STATED_IN]->(e)
  RETURN 1 AS written
  UNION ALL
  WITH row WHERE outcome = 'updated'
  CREATE (u:StagedUpdate {stagedId: row.id, importRun: $run, stagedAt: row.at, sourceRow: row.sourceRow,
    stagedFrom: row.from, stagedTo: row.to, stagedReporter: row.reporter, stagedProduct: row.product, stagedExcerpt: row.excerpt})
  SET u += row.props
  RETURN 1 AS written
  UNION ALL
  WITH row WHERE outcome = 'unchanged'
  RETURN 0 AS written
}
RETURN outcome, count(*) AS count, sum(written) AS written
