// Sets a run's status; a finished run (published, rolled-back) loses `active`, so another may start.
// $fields: extra properties (counts, finishedAt, reason).
MATCH (r:ImportRun {id: $id})
SET r.status = $status, r += $fields
FOREACH (_ IN CASE WHEN $status IN ['published', 'rolled-back'] THEN [1] ELSE [] END | REMOVE r.active)
RETURN r.id AS id
