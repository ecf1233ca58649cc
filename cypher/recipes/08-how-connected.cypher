// Recipe: how is one entity connected to another? The shortest paths (up to 6 hops, in either
// direction, not through provenance) with, for each hop, the excerpts that state it: the
// relationship's own excerptIds, or those of the fact (figure, trade flow) the hop belongs to.
// Parameters:
//   :param from => "product:wulong-bamboo-shoots"
//   :param to => "market:asean"
// Returns per path (at most 5, shortest first): nodes (ids), hops (list of {from, type, to, excerpts}).
MATCH (a {id: $from}), (b {id: $to})
MATCH p = SHORTEST 5 (a)(()-[r]-() WHERE NOT type(r) IN ['STATED_IN', 'EXCERPT_OF']){1,6}(b)
WHERE all(i IN range(1, size(nodes(p)) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[0..i])
RETURN [n IN nodes(p) | n.id] AS nodes,
       [rel IN relationships(p) | {
         from: startNode(rel).id, type: type(rel), to: endNode(rel).id,
         excerpts: CASE WHEN size(coalesce(rel.excerptIds, [])) > 0 THEN rel.excerptIds
                        ELSE COLLECT { MATCH (fact:Fact)-[:STATED_IN]->(e:Excerpt) WHERE fact = startNode(rel) RETURN e.id ORDER BY e.id } END
       }] AS hops
ORDER BY length(p), nodes;
