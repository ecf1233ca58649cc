// Upserts a batch of nodes of one label and says, per row, whether it was created, updated or unchanged.
// __MERGE_LABEL__ (the label with the uniqueness constraint, `Fact` for figures and flows) and __LABEL__
// are filled from the model's closed list of labels at start-up (src/ingest/templates.ts); everything
// else is a parameter. $rows: [{id, props}]. `props` holds the given values and a null for each
// property the record owns but does not give: `SET +=` with a null removes that property, and
// properties the record does not own are left alone. A row is "unchanged" when the node already has
// the label, every given value (equal) and none of the removed properties (null = null is null in
// Cypher, hence IS NULL for those).
UNWIND $rows AS row
OPTIONAL MATCH (old:__MERGE_LABEL__ {id: row.id})
WITH row, CASE
    WHEN old IS NULL THEN 'created'
    WHEN old:__LABEL__ AND all(k IN keys(row.props) WHERE CASE
        WHEN row.props[k] IS NULL THEN old[k] IS NULL
        ELSE coalesce(old[k] = row.props[k], false)
      END) THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
MERGE (n:__MERGE_LABEL__ {id: row.id})
SET n += row.props, n:__LABEL__
RETURN outcome, count(*) AS count
