// Records that the seed with this checksum was applied (see record-read.cypher).
MERGE (r:SeedRecord {id: 'seed'})
SET r.checksum = $checksum, r.appliedAt = datetime(), r.files = $files
