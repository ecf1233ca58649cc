// curation/changes-of-set: what approving one change set changed, in order.
// Parameters:
//   $id  the change set id
MATCH (c:Change {changeSet: $id})
RETURN c AS change
ORDER BY c.seq
