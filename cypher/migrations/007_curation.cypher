// Curation (src/domain/curation/): change sets, the change records, retracted facts.
// A ChangeSet is a proposal (curated records as staged data, no graph node of the model reads it)
// and its review; a Change records what one applied change set (or a retraction) did to one
// entity, numbered by `seq` in commit order (the change feed polls it: several replicas, one graph).
CREATE CONSTRAINT change_set_id IF NOT EXISTS FOR (n:ChangeSet) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE;
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entity);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX change_set_status IF NOT EXISTS FOR (n:ChangeSet) ON (n.status);
// The one counter every curation write locks first: writes are serialized and `seq` has no gaps
// or reorderings. Unique, so that two first writes at once MERGE one counter, not two.
CREATE CONSTRAINT change_counter_id IF NOT EXISTS FOR (n:ChangeCounter) REQUIRE n.id IS UNIQUE;
// A retracted fact keeps its node and relationships under RetractedFact instead of its labels
// (as a staged fact waits under StagedFact): no API query names the label, so it is hidden.
CREATE INDEX retracted_fact_id IF NOT EXISTS FOR (n:RetractedFact) ON (n.id);
