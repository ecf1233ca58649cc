// curation/history: the changes of each entity or fact, newest first.
// Parameters:
//   $ids  graph ids;  $limit  per entity
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (c:Change {entity: parentId})
  RETURN c AS change
  ORDER BY c.seq DESC
  LIMIT $limit
}
RETURN parentId, change
