// Stages the new state of live flows whose values changed: a StagedUpdate node per flow, beside
// the live one (untouched until publish-updates.cypher swaps the values in and re-points the
// flow's relationships, STATED_IN included, to what the new row states).
// $rows: as stage-new-flows.cypher; `props` holds every property the row owns (null = absent).
UNWIND $rows AS row
CREATE (u:StagedUpdate {stagedId: row.id, importRun: $run,
  stagedFrom: row.from, stagedTo: row.to, stagedReporter: row.reporter, stagedProduct: row.product, stagedExcerpt: row.excerpt})
SET u += row.props
RETURN count(*) AS count
