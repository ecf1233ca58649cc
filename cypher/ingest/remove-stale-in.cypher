// As remove-stale-out.cypher, for fields naming the other ends of INCOMING relationships (a
// facility's `operators`: Company -[:OPERATES]-> Facility).
// $rows: [{id, types: [type], keep: ["TYPE otherId"]}]. Returns the number removed per type.
UNWIND $rows AS row
MATCH (a:__LABEL__ {id: row.id})<-[r]-(b)
WHERE type(r) IN row.types AND NOT (type(r) + ' ' + b.id) IN row.keep AND NOT coalesce(r.statedByLink, false)
WITH r, type(r) AS type
DELETE r
RETURN type, count(*) AS removed
