// curation/change-sets: change sets, newest first, optionally of one status.
// Parameters:
//   $status  'open', 'applied', 'rejected' or null (all);  $limit  page size
MATCH (c:ChangeSet)
WHERE $status IS NULL OR c.status = $status
RETURN c AS changeSet
ORDER BY c.createdAt DESC, c.id
LIMIT $limit
