// curation/change-set-create: a proposal, held as staged data: the curated records as given (JSON
// text), the state of what they touch when proposed (`base`: for optimistic versioning), open.
// Parameters:
//   $id, $author, $summary, $records (JSON text), $base (JSON text), $entities (ids touched)
CREATE (c:ChangeSet {
  id: $id, status: 'open', version: 1, author: $author, createdAt: datetime(), summary: $summary,
  records: $records, base: $base, entities: $entities
})
RETURN c AS changeSet
