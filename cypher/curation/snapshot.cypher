// curation/snapshot: the state of entities and facts as curation compares it, before and after a
// change: labels, properties, outgoing relationships (what a record's fields and provenance state)
// and incoming OPERATES (a facility's operators), each with its properties. Retracted facts too.
// Parameters:
//   $ids  graph ids, e.g. ['company:changan-automobile', 'figure:cq-2024-automobile-export-growth']
// Returns: id, labels (empty when absent), props, rels (list of {type, dir, other, props}, at most 1000 each way).
UNWIND $ids AS id
OPTIONAL MATCH (n:__ID_LABELS__ {id: id})
OPTIONAL MATCH (gone:RetractedFact {id: id})
WITH id, coalesce(n, gone) AS n
RETURN id,
  CASE WHEN n IS NULL THEN [] ELSE labels(n) END AS labels,
  CASE WHEN n IS NULL THEN {} ELSE properties(n) END AS props,
  COLLECT {
    MATCH (n)-[r]->(m)
    RETURN {type: type(r), dir: 'out', other: m.id, props: properties(r)} AS rel
    ORDER BY rel.type, rel.other
    LIMIT 1000
  } + COLLECT {
    MATCH (n)<-[r:OPERATES]-(m)
    RETURN {type: type(r), dir: 'in', other: m.id, props: properties(r)} AS rel
    ORDER BY rel.other
    LIMIT 1000
  } AS rels
