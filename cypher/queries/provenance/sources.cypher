// provenance/sources: the distinct sources quoted by the excerpts that state each entity or fact.
// Parameters:
//   $ids  graph ids of the entities or facts
// Returns: parentId, node (a Source), ordered by source id.
UNWIND $ids AS parentId
MATCH (n:__ID_LABELS__ {id: parentId})
MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source)
WITH DISTINCT parentId, s
RETURN parentId, s AS node
ORDER BY s.id
