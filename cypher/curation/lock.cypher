// curation/lock: the first statement of every curation write (approval, retraction, restore).
// Writing the one ChangeCounter takes its lock, so curation writes run one at a time and what
// they read next (the change set, the entities' state) is what the previous one committed.
// Returns: seq, the number of the last recorded change.
MERGE (k:ChangeCounter {id: 'changes'})
  ON CREATE SET k.seq = 0
SET k.lockedAt = datetime()
RETURN k.seq AS seq
