// In the same transaction as a staged batch: how far the run got (the batch's last row) and its
// counts so far (JSON), so that a resumed run skips exactly what is already staged.
MATCH (r:ImportRun {id: $id})
SET r.stagedFile = $file, r.stagedLine = $line, r.counts = $counts, r.updatedAt = $now
RETURN r.id AS id
