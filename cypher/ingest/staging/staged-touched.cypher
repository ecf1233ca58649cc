// staging/staged-touched: what publishing the staged run is about to change, read just before it
// (src/ingest/staging/import.ts), for the incremental aggregates refresh after it
// (src/neo4j/aggregates.ts): the ids of the live flows whose value it changes (at most $limit: more
// make the refresh a full one anyway) and of the entities it creates, per label.
CALL () {
  MATCH (u:StagedUpdate)
  WITH u.stagedId AS id LIMIT $limit
  RETURN collect(id) AS updated
}
CALL () {
  MATCH (n:StagedEntity)
  WITH n.stagedLabel AS label, collect(n.id) AS ids
  RETURN collect({label: label, ids: ids}) AS entities
}
RETURN updated, entities
