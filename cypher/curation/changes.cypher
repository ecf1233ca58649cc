// curation/changes: applied changes, oldest first: after a seq, since a time, of one entity.
// Parameters:
//   $afterSeq  integer (0: from the start);  $since  datetime or null;  $entity  id or null;  $limit
MATCH (c:Change)
WHERE c.seq > $afterSeq
  AND ($since IS NULL OR c.at >= $since)
  AND ($entity IS NULL OR c.entity = $entity)
RETURN c AS change
ORDER BY c.seq
LIMIT $limit
