// Import runs and their staging area (src/ingest/staging/).
// An ImportRun records one run of `tradegraph import`: id, files and checksums, status, counts.
// At most one run is unfinished at a time: only an unfinished run has `active` (= true), and the
// uniqueness constraint on it refuses a second one, even from two processes at once.
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_run_active IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.active IS UNIQUE;
// Staged nodes carry a staging label instead of their real one until the run is published, so no
// API query (which always names Fact, TradeFlow, Region, Product, Source or Excerpt) can see them.
// Lookups by id while staging: new entities referenced by later batches, late duplicates.
CREATE INDEX staged_entity_id IF NOT EXISTS FOR (n:StagedEntity) ON (n.id);
CREATE INDEX staged_update_id IF NOT EXISTS FOR (n:StagedUpdate) ON (n.stagedId);
