// curation/change-set: one change set by id.
// Parameters:
//   $id  e.g. 'changeset:2026-12-02-5f3a...'
MATCH (c:ChangeSet {id: $id})
RETURN c AS changeSet
