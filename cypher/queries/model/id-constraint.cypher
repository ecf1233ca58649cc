// model/id-constraint: the uniqueness of `id` on a label nodes are merged on, for every such label of
// the model (src/model.ts, MERGE_LABELS), ensured after the migrations on every start-up: a node kind
// added to the model gets its constraint without a migration of its own. A no-op where an equivalent
// constraint exists (cypher/migrations/001_unique_ids.cypher created the first ones).
CREATE CONSTRAINT IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE
