// Removes the relationships records own through their fields but no longer state. Per owner node
// (__LABEL__, filled from the model's closed list in src/ingest/templates.ts): each outgoing
// relationship of one of the claimed `types` whose "TYPE otherId" is not in `keep` (what the import
// states for that node, by any record) is deleted; one query covers all the types of a node, whose
// outgoing relationships are few. A relationship a `link` record stated (`statedByLink`) is never
// removed here: links are only ever added or updated.
// $rows: [{id, types: [type], keep: ["TYPE otherId"]}]. Returns the number removed per type.
UNWIND $rows AS row
MATCH (a:__LABEL__ {id: row.id})-[r]->(b)
WHERE type(r) IN row.types AND NOT (type(r) + ' ' + b.id) IN row.keep AND NOT coalesce(r.statedByLink, false)
WITH r, type(r) AS type
DELETE r
RETURN type, count(*) AS removed
