// Upserts a batch of relationships of one type between nodes of two labels, one relationship per
// (from, type, to), and says per row whether it was created, updated or unchanged.
// __TYPE__, __FROM_LABEL__ and __TO_LABEL__ are filled from the model's closed lists at start-up
// (src/ingest/templates.ts). $rows: [{fromId, toId, props, excerptIds}].
// `excerptIds` accumulate (set union): a relationship stated by several sources keeps all of them.
// Rows whose endpoints are missing produce no output row; the writer counts and rejects that.
UNWIND $rows AS row
MATCH (a:__FROM_LABEL__ {id: row.fromId})
MATCH (b:__TO_LABEL__ {id: row.toId})
WITH a, b, row, [(a)-[r:__TYPE__]->(b) | r][0] AS old
WITH a, b, row, CASE
    WHEN old IS NULL THEN 'created'
    WHEN all(k IN keys(row.props) WHERE old[k] = row.props[k])
      AND all(x IN row.excerptIds WHERE x IN coalesce(old.excerptIds, [])) THEN 'unchanged'
    ELSE 'updated'
  END AS outcome
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props
SET r.excerptIds = CASE
    WHEN size(row.excerptIds) = 0 THEN r.excerptIds
    ELSE reduce(acc = coalesce(r.excerptIds, []), x IN row.excerptIds | CASE WHEN x IN acc THEN acc ELSE acc + x END)
  END
RETURN outcome, count(*) AS count
