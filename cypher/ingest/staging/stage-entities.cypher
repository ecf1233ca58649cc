// Stages nodes an import creates (a file version's Source and Excerpt, countries, areas and HS codes
// created with --create-missing) as StagedEntity nodes: their real label waits in `stagedLabel`
// until publish-entities.cypher. $rows: [{id, label, props}], $run. Returns their element ids.
UNWIND $rows AS row
CREATE (n:StagedEntity {id: row.id, stagedLabel: row.label, importRun: $run})
SET n += row.props
RETURN row.id AS id, elementId(n) AS eid
