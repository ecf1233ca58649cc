// Recipe: the neighbourhood of an entity (what Neo4j Browser draws best): every node within two
// hops, not through provenance (excerpts and sources), at most 100 paths.
// Parameters:
//   :param id => "company:zongshen-group"
// Returns: paths (draw them in Browser's graph view).
MATCH (a {id: $id})
MATCH p = (a)-[rels*1..2]-(n)
WHERE none(r IN rels WHERE type(r) IN ['STATED_IN', 'EXCERPT_OF'])
RETURN p
LIMIT 100;
