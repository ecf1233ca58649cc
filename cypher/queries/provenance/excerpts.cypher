// provenance/excerpts: the excerpts that state each entity or fact (STATED_IN).
// Parameters:
//   $ids  graph ids of the entities or facts, e.g. ['figure:cq-2024-automobile-export-growth']
// Returns: parentId, node (an Excerpt), ordered by excerpt id.
UNWIND $ids AS parentId
MATCH (n:__ID_LABELS__ {id: parentId})
MATCH (n)-[:STATED_IN]->(e:Excerpt)
RETURN parentId, e AS node
ORDER BY e.id
