// curation/record-changes: one Change per entity a curation write changed (src/domain/curation/).
// Parameters:
//   $changes  list of {seq, entity, action, changeSet, author, reviewer, reason, before, after,
//             relsAdded, relsRemoved}: before/after and the relationship lists are JSON text
UNWIND $changes AS c
CREATE (:Change {
  seq: c.seq, entity: c.entity, action: c.action, changeSet: c.changeSet, author: c.author,
  reviewer: c.reviewer, reason: c.reason, at: datetime(), before: c.before, after: c.after,
  relsAdded: c.relsAdded, relsRemoved: c.relsRemoved
})
