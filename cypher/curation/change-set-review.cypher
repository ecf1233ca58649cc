// curation/change-set-review: records the review of an open change set at the version the reviewer
// saw; no row when it is no longer that version (the caller reports a conflict).
// Parameters:
//   $id, $version, $status ('applied' or 'rejected'), $reviewer, $comment, $appliedSeq (or null)
MATCH (c:ChangeSet {id: $id})
WHERE c.status = 'open' AND c.version = $version
SET c.status = $status, c.version = c.version + 1, c.reviewer = $reviewer, c.reviewComment = $comment,
    c.reviewedAt = datetime(), c.appliedSeq = $appliedSeq
RETURN c AS changeSet
