// linkage/paths: the __K__ shortest simple paths of 1..__MAX_HOPS__ hops between two nodes, in any direction.
// __K__ and __MAX_HOPS__ are not parameters (Cypher cannot take a path length or a SHORTEST count
// as one): the query catalog renders them from integers src/domain/linkage/linkage.service.ts has range-checked
// (`tradegraph query linkage/paths --slot MAX_HOPS=4 --slot K=3` prints a rendered text).
// Parameters:
//   $from, $to  elementIds of the two endpoints
//   $types      relationship types to follow (whitelisted)
//   $labels     labels intermediate nodes may have (whitelisted; the endpoints always qualify)
// Returns per path: nodes (in order), edges (edges[i] joins nodes[i] and nodes[i+1]; source and
// target follow the relationship's own direction; `attested` when the relationship cites excerpts
// or is the participation of a fact that is STATED_IN one), length. Shortest first; among equally
// short paths SHORTEST picks arbitrarily, so the caller ranks them (src/domain/linkage/linkage.service.ts).
// The WHERE of a SHORTEST match filters during the search, so the paths returned are the shortest
// that visit no node twice.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = SHORTEST __K__ (a)(()-[r]-(x) WHERE type(r) IN $types AND (x = b OR any(l IN labels(x) WHERE l IN $labels))){1,__MAX_HOPS__}(b)
WHERE all(i IN range(1, size(nodes(p)) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[0..i])
WITH p, [n IN nodes(p) WHERE n:Fact AND EXISTS { (n)-[:STATED_IN]->(:Excerpt) } | n.id] AS statedFacts
RETURN nodes(p) AS nodes,
       [rel IN relationships(p) | {source: startNode(rel).id, target: endNode(rel).id, type: type(rel), excerptIds: rel.excerptIds, note: rel.note,
         attested: size(coalesce(rel.excerptIds, [])) > 0 OR startNode(rel).id IN statedFacts}] AS edges,
       length(p) AS length
ORDER BY length
