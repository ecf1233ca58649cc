// Recipe: which facts rest on a single source? Figures and trade flows whose excerpts all come
// from one source (and facts with no excerpt at all, which should not exist: every record cites one).
// Parameters:
//   :param kinds => ["Figure", "TradeFlow"]
// Returns: fact, kind, sources (count), source (the single one, or null), sourceKind, statement; by fact id.
MATCH (f:Fact)
WHERE any(l IN labels(f) WHERE l IN $kinds)
WITH f, COLLECT { MATCH (f)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s } AS sources
WHERE size(sources) <= 1
RETURN f.id AS fact, [l IN labels(f) WHERE l <> 'Fact'][0] AS kind, size(sources) AS sources,
       sources[0].id AS source, sources[0].kind AS sourceKind, f.statement AS statement
ORDER BY fact;
