// Removes the relationships a record owns through one of its fields but no longer states: every
// __TYPE__ relationship from the record's node (__LABEL__) to a node whose id is not in `keep` (the
// other ends the import states for it, by any record). A relationship a `link` record stated
// (`statedByLink`) is never removed here: links are only ever added or updated.
// __TYPE__ and __LABEL__ are filled from the model's closed lists (src/ingest/templates.ts).
// $rows: [{id, keep: [id]}]. Returns the number removed.
UNWIND $rows AS row
MATCH (a:__LABEL__ {id: row.id})-[r:__TYPE__]->(b)
WHERE NOT b.id IN row.keep AND NOT coalesce(r.statedByLink, false)
DELETE r
RETURN count(*) AS removed
