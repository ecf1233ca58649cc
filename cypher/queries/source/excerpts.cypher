// source/excerpts: the excerpts quoted from each source.
// Parameters:
//   $ids  source ids, e.g. ['source:cq-foreign-trade-14th-fyp']
// Returns: parentId, node (an Excerpt), ordered by excerpt id.
UNWIND $ids AS parentId
MATCH (:Source {id: parentId})<-[:EXCERPT_OF]-(e:Excerpt)
RETURN parentId, e AS node
ORDER BY e.id
