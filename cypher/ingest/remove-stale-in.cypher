// As remove-stale-out.cypher, for a field naming the other ends of INCOMING relationships (a
// facility's `operators`: Company -[:OPERATES]-> Facility): every __TYPE__ relationship into the
// record's node (__LABEL__) from a node whose id is not in `keep`, unless a `link` stated it.
// $rows: [{id, keep: [id]}]. Returns the number removed.
UNWIND $rows AS row
MATCH (a:__LABEL__ {id: row.id})<-[r:__TYPE__]-(b)
WHERE NOT b.id IN row.keep AND NOT coalesce(r.statedByLink, false)
DELETE r
RETURN count(*) AS removed
