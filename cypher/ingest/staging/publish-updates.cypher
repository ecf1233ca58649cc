// Publishing, step 3: changed flows take the values staged for them, and their relationships are
// re-pointed to the staged endpoints, so the flow cites (STATED_IN + sourceRow) the file version
// that states its current value. __SET_PROPS__ is filled from the closed list of properties a
// Comtrade row owns (`f.value = u.value, ...`: a property the new row lacks becomes null, removed);
// `importRun` names the run that wrote the current value.
MATCH (u:StagedUpdate)
CALL (u) {
  MATCH (f:Fact {id: u.stagedId})
  SET __SET_PROPS__, f.sourceRow = u.sourceRow, f.importRun = u.importRun
  WITH u, f
  OPTIONAL MATCH (f)-[old:FROM|TO|REPORTED_BY|OF_PRODUCT|STATED_IN]->()
  DELETE old
  WITH DISTINCT u, f
  MATCH (a) WHERE elementId(a) = u.stagedFrom
  MATCH (b) WHERE elementId(b) = u.stagedTo
  MATCH (r) WHERE elementId(r) = u.stagedReporter
  MATCH (p) WHERE elementId(p) = u.stagedProduct
  MATCH (e) WHERE elementId(e) = u.stagedExcerpt
  CREATE (f)-[:FROM]->(a), (f)-[:TO]->(b), (f)-[:REPORTED_BY]->(r), (f)-[:OF_PRODUCT]->(p), (f)-[:STATED_IN]->(e)
  DELETE u
} __IN_TRANSACTIONS__
RETURN count(*) AS count
