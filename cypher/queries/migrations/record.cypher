// migrations/record: marks one migration file as applied, with its checksum.
MERGE (m:Migration {id: $id})
SET m.checksum = $checksum, m.appliedAt = datetime()
