// linkage/edges-among: the relationships between nodes of a subgraph (the edges to draw).
// Parameters:
//   $nodes    elementIds of the subgraph's nodes
//   $members  map elementId -> true of the same nodes (O(1) membership test)
//   $types    relationship types to keep (whitelisted)
//   $limit    how many edges at most (the caller asks one more than it keeps, to detect truncation)
// Returns: source, target (node ids, in the relationship's direction), type, excerptIds, note.
UNWIND $nodes AS eid
MATCH (x) WHERE elementId(x) = eid
MATCH (x)-[r]->(y)
WHERE type(r) IN $types AND $members[elementId(y)] IS NOT NULL
WITH x, r, y
ORDER BY x.id, type(r), y.id
LIMIT $limit
RETURN x.id AS source, y.id AS target, type(r) AS type, r.excerptIds AS excerptIds, r.note AS note
