// How many nodes the graph holds besides the record of applied migrations: `import --initial`
// loads an empty database only. Both counts come from Neo4j's count store (no scan).
RETURN COUNT { MATCH (n) } - COUNT { MATCH (m:Migration) } AS others
