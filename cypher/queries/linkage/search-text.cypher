// linkage/search-text: what sources say that matches a Lucene query, best first: excerpts (their
// verbatim text), figures and trade flows (statement, note), sources (title) and entities (note);
// with each excerpt, the facts and entities it states (STATED_IN), at most 50.
// Parameters:
//   $query  a Lucene query built by src/domain/linkage/lucene.ts from escaped user words
//   $first  how many index hits to read
// Returns: node, score, stated (list of nodes; empty unless node is an Excerpt); ties broken by id.
CALL db.index.fulltext.queryNodes('source_text', $query) YIELD node, score
WITH node, score
ORDER BY score DESC, node.id
LIMIT $first
OPTIONAL MATCH (s)-[:STATED_IN]->(node)
WHERE node:Excerpt
WITH node, score, collect(s)[..50] AS stated
RETURN node, score, stated
ORDER BY score DESC, node.id
