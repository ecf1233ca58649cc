// provenance/sources-by-excerpt-ids: the source each excerpt is quoted from.
// Parameters:
//   $ids  excerpt ids
// Returns: parentId (the excerpt id), node (its Source).
UNWIND $ids AS parentId
MATCH (:Excerpt {id: parentId})-[:EXCERPT_OF]->(s:Source)
RETURN parentId, s AS node
