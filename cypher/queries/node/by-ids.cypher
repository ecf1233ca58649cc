// node/by-ids: the entities with the given graph ids, whatever their label (Relay node/nodes).
// Parameters:
//   $ids  list of graph ids, e.g. ['iso:THA', 'company:changan-automobile']
// Returns one row per id found: parentId (the id asked for), node.
// __ID_LABELS__ is every label with an id constraint (src/model.ts, filled in at start-up): Neo4j
// seeks each label's unique-id index (one seek per label), never scans.
UNWIND $ids AS parentId
MATCH (n:__ID_LABELS__ {id: parentId})
RETURN parentId, n AS node
