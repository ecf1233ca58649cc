// The seed's record in the graph: the checksum of the seed files (and of the code that imports
// them) when the seed was last applied. `tradegraph serve` skips the seed while it matches.
MATCH (r:SeedRecord {id: 'seed'})
RETURN r.checksum AS checksum, r.appliedAt AS appliedAt
