// The unfinished import run, if any (staging or publishing), with what resuming it needs.
MATCH (r:ImportRun)
WHERE r.active
RETURN r {.*} AS run
