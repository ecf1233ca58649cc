// Element ids of the nodes an import's rows point at, live or staged by this run: one part per
// label (__MERGE_LABEL__ filled from the model's closed list; the parts are joined with UNION ALL),
// and one for StagedEntity. $ids___MERGE_LABEL__: [id], $staged: [id].
UNWIND $ids___MERGE_LABEL__ AS id
MATCH (n:__MERGE_LABEL__ {id: id})
RETURN id, elementId(n) AS eid
