// linkage/shortest-paths: all shortest paths of at most __MAX_HOPS__ hops between two nodes, in any
// direction (at most $limit of them): the candidates of shortestPath and howConnected, which rank
// them by attestation (src/domain/linkage/linkage.service.ts).
// __MAX_HOPS__ is not a parameter (Cypher cannot take a path length as one): the query catalog
// renders it from an integer linkage.service.ts has range-checked (`tradegraph query
// linkage/shortest-paths --slot MAX_HOPS=4` prints a rendered text). The classic allShortestPaths searches from both ends at
// once, which stays fast when a hub (a municipality with every trade flow) lies between them.
// Parameters:
//   $from, $to  elementIds of the two endpoints (distinct)
//   $types      relationship types to follow (whitelisted)
//   $labels     labels intermediate nodes may have (whitelisted; the endpoints always qualify)
//   $limit      how many candidate paths at most
// Returns per path: nodes, edges (as in linkage/paths), length.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[*..__MAX_HOPS__]-(b))
WHERE all(rel IN relationships(p) WHERE type(rel) IN $types)
  AND all(x IN nodes(p) WHERE x = a OR x = b OR any(l IN labels(x) WHERE l IN $labels))
WITH p LIMIT $limit
WITH p, [n IN nodes(p) WHERE n:Fact AND EXISTS { (n)-[:STATED_IN]->(:Excerpt) } | n.id] AS statedFacts
RETURN nodes(p) AS nodes,
       [rel IN relationships(p) | {source: startNode(rel).id, target: endNode(rel).id, type: type(rel), excerptIds: rel.excerptIds, note: rel.note,
         attested: size(coalesce(rel.excerptIds, [])) > 0 OR startNode(rel).id IN statedFacts}] AS edges,
       length(p) AS length
