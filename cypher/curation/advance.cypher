// curation/advance: moves the change counter to the last seq a curation write recorded.
// Parameters:
//   $seq  the seq of the last Change the write created
MATCH (k:ChangeCounter {id: 'changes'})
SET k.seq = $seq
