// Which of the given ids exist as nodes of one label. __MERGE_LABEL__ is filled from the model's
// closed list; the pipeline joins one copy per label with UNION ALL into a single read query.
// $ids___MERGE_LABEL__: [id].
UNWIND $ids___MERGE_LABEL__ AS id
MATCH (n:__MERGE_LABEL__ {id: id})
RETURN n.id AS id
