// linkage/expand: one breadth-first step of a neighbourhood: the new neighbours of the frontier.
// Parameters:
//   $frontier  elementIds of the nodes reached at the previous hop
//   $visited   map elementId -> true of every node already in the subgraph (map lookup, not a list scan)
//   $types     relationship types to follow (whitelisted in src/domain/linkage/limits.ts)
//   $labels    labels a neighbour may have (whitelisted)
//   $limit     how many new nodes at most (the caller asks one more than it keeps, to detect truncation)
// Returns: node. Named entities come before facts (a region can have thousands of trade flows),
// then by id, so a truncated neighbourhood is deterministic and shows the entities first.
UNWIND $frontier AS eid
MATCH (x) WHERE elementId(x) = eid
MATCH (x)-[r]-(y)
WHERE type(r) IN $types
  AND any(l IN labels(y) WHERE l IN $labels)
  AND $visited[elementId(y)] IS NULL
WITH DISTINCT y
ORDER BY CASE WHEN y:Fact THEN 1 ELSE 0 END, y.id
LIMIT $limit
RETURN y AS node
