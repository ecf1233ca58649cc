// source/stated: what each excerpt states (facts and entities linked with STATED_IN).
// Parameters:
//   $ids  excerpt ids
// Returns: parentId, node (any entity or fact), ordered by id.
UNWIND $ids AS parentId
MATCH (:Excerpt {id: parentId})<-[:STATED_IN]-(n)
RETURN parentId, n AS node
ORDER BY n.id
