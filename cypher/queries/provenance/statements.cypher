// provenance/statements: the excerpts that state each entity or fact (STATED_IN) with the source
// each is quoted from (EXCERPT_OF): one query serves both `excerpts` and `sources`.
// Parameters:
//   $ids  graph ids of the entities or facts, e.g. ['figure:cq-2024-automobile-export-growth']
// Returns: parentId, excerpt, source (null for an excerpt without a source), ordered by excerpt id.
UNWIND $ids AS parentId
MATCH (n:__ID_LABELS__ {id: parentId})
MATCH (n)-[:STATED_IN]->(excerpt:Excerpt)
OPTIONAL MATCH (excerpt)-[:EXCERPT_OF]->(source:Source)
RETURN parentId, excerpt, source
ORDER BY excerpt.id, source.id
