// Rolling back a run: every node it staged goes (with its relationships); nothing live was touched.
// __STAGED_LABEL__ is StagedFact, StagedUpdate or StagedEntity (one statement each, in that order).
MATCH (n:__STAGED_LABEL__)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS count
