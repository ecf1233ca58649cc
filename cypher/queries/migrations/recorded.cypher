// migrations/recorded: the migrations this graph has applied, with the checksum of each file as it
// was applied (src/neo4j/migrations.ts compares them with cypher/migrations/ on every start-up).
MATCH (m:Migration)
RETURN m.id AS id, m.checksum AS checksum
