// Element ids of nodes this run has staged (StagedEntity) for the given ids. $staged: [id], $run.
UNWIND $staged AS id
MATCH (n:StagedEntity {id: id})
WHERE n.importRun = $run
RETURN id, elementId(n) AS eid
