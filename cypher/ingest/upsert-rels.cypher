// Upserts a batch of relationships of one type between nodes of two labels, one relationship per
// (from, type, to), and says per row whether it was created, updated or unchanged.
// __TYPE__, __FROM_LABEL__ and __TO_LABEL__ are filled from the model's closed lists at start-up
// (src/ingest/templates.ts). $rows: [{fromId, toId, props, excerptIds, ownsExcerpts}].
// `props`: given values, and a null for each owned property the row does not give (removed), as
// for nodes. `excerptIds` accumulate (set union): a relationship stated by several sources keeps all
// of them; but a row stated by a record's own field (`ownsExcerpts`) replaces them with the record's
// excerpts, unless a `link` record stated the relationship too (`statedByLink`). When the set is the
// same, the stored list is kept as it is (its order too), so a re-run changes nothing.
// Rows whose endpoints are missing produce no output row; the writer counts and rejects that.
UNWIND $rows AS row
MATCH (a:__FROM_LABEL__ {id: row.fromId})
MATCH (b:__TO_LABEL__ {id: row.toId})
WITH a, b, row, [(a)-[r:__TYPE__]->(b) | r][0] AS old
WITH a, b, row, old, coalesce(old.excerptIds, []) AS had,
  row.ownsExcerpts AND NOT coalesce(old.statedByLink, false) AS owns
WITH a, b, row, old, had, owns,
  all(x IN row.excerptIds WHERE x IN had) AND (NOT owns OR size(had) = size(row.excerptIds)) AS sameExcerpts
WITH a, b, row, had, owns, sameExcerpts, CASE
    WHEN old IS NULL THEN 'created'
    WHEN sameExcerpts AND all(k IN keys(row.props) WHERE CASE
        WHEN row.props[k] IS NULL THEN old[k] IS NULL
        ELSE coalesce(old[k] = row.props[k], false)
      END) THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props
SET r.excerptIds = CASE
    WHEN sameExcerpts THEN r.excerptIds
    WHEN owns THEN CASE WHEN size(row.excerptIds) = 0 THEN null ELSE row.excerptIds END
    ELSE reduce(acc = had, x IN row.excerptIds | CASE WHEN x IN acc THEN acc ELSE acc + x END)
  END
RETURN outcome, count(*) AS count
