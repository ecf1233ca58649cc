// figure/subjects: what each figure is about (ABOUT).
// Parameters:
//   $ids  figure ids, e.g. ['figure:cq-2024-automobile-export-growth']
// Returns: parentId, node (any entity).
UNWIND $ids AS parentId
MATCH (:Fact:Figure {id: parentId})-[:ABOUT]->(x)
RETURN parentId, x AS node
ORDER BY parentId, x.id
