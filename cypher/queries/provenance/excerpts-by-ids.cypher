// provenance/excerpts-by-ids: excerpts by id (for the excerptIds that relationships carry).
// Parameters:
//   $ids  excerpt ids, e.g. ['excerpt:cq-fyp-p1-s2']
// Returns: parentId (the excerpt id), node (the Excerpt).
UNWIND $ids AS parentId
MATCH (e:Excerpt {id: parentId})
RETURN parentId, e AS node
