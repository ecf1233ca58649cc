// Recipe: find an entity by name, Chinese name or alias (the full-text index of migration 003,
// analyzer 'cjk'). Lucene syntax: `term~` tolerates typos, `"长安"` matches Chinese as a phrase,
// `term*` is a prefix.
// Parameters:
//   :param query => "zongsen~1"
// Returns: id, kind (primary label), name, nameZh, score; best first.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Fact'][0] AS kind, node.name AS name, node.nameZh AS nameZh, score
ORDER BY score DESC, id
LIMIT 10;
