// aggregates/state-begin: written first by every refresh (src/neo4j/aggregates.ts), cleared by
// aggregates/state when it ends: a refresh that stopped midway (a crash, a kill) leaves
// `refreshing`, and the next refresh is then a full one, not an incremental one.
MERGE (a:AggregateState {id: 'aggregates'})
SET a.refreshing = true
RETURN a.id AS id
