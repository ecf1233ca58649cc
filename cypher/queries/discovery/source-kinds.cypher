// discovery/source-kinds: the kinds of source in the graph (official-document, news, customs-data...),
// with how many sources and excerpts each has, and the languages they are in.
// Parameters: none.
// Returns: kind, sources, excerpts, languages; most sources first, then by kind.
MATCH (s:Source)
OPTIONAL MATCH (e:Excerpt)-[:EXCERPT_OF]->(s)
WITH s, count(e) AS excerpts
WITH coalesce(s.kind, 'unknown') AS kind, count(s) AS sources, sum(excerpts) AS excerpts, collect(DISTINCT s.language) AS languages
RETURN kind, sources, excerpts, languages
ORDER BY sources DESC, kind
