// linkage/search: entities whose name, Chinese name or aliases match a Lucene query, best first.
// Parameters:
//   $query   a Lucene query built by src/domain/linkage/lucene.ts from escaped user words
//   $labels  the labels to keep (from the EntityKind whitelist), e.g. ['Company', 'Product']
//   $first   how many hits
// Returns: node, score; ties broken by id so equal scores list in a stable order.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE any(l IN labels(node) WHERE l IN $labels)
RETURN node, score
ORDER BY score DESC, node.id
LIMIT $first
