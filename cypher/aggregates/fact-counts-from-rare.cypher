// aggregates/fact-counts-from-rare: aggregates/fact-counts without reading every fact, for the
// incremental refresh (src/neo4j/aggregates.ts). Nearly every fact has one source: the facts with
// another count are few and found through the fact_source_count index (two range seeks), and the
// single-source facts of each kind are the kind's count (the count store, constant time) minus
// those. The same nodes, ids and numbers as aggregates/fact-counts, given what the incremental
// refresh keeps true: every fact has its `sourceCount` (a full refresh writes it on every fact, an
// import on every fact it writes; a graph written around the pipeline gets a full refresh) and is
// a TradeFlow or a Figure, not both. The last is checked here: when the kinds' counts do not add up
// to the facts', nothing is written and no row returned, and the full count runs instead.
CALL () {
  MATCH (n:Fact) WHERE n.sourceCount < 1 OR n.sourceCount > 1
  WITH [l IN labels(n) WHERE l <> 'Fact'] AS labels, n.sourceCount AS sourceCount, count(*) AS facts
  RETURN collect({labels: labels, sourceCount: sourceCount, facts: facts}) AS rare
}
WITH rare, COUNT { (:TradeFlow) } AS flows, COUNT { (:Figure) } AS figures
WHERE COUNT { (:Fact) } = flows + figures
WITH rare + [k IN [['TradeFlow', flows], ['Figure', figures]] | {labels: [k[0]], sourceCount: 1,
  facts: k[1] - reduce(s = 0, r IN rare | s + CASE WHEN r.labels = [k[0]] THEN r.facts ELSE 0 END)}] AS rows
CALL () {
  MATCH (old:FactSourceCount)
  DELETE old
}
UNWIND [r IN rows WHERE r.facts > 0] AS r
CREATE (c:FactSourceCount)
SET c.id = 'fact-count:' + reduce(k = '', l IN r.labels | k + l + ':') + coalesce(toString(r.sourceCount), 'none'),
  c.labels = r.labels, c.sourceCount = r.sourceCount, c.facts = r.facts
RETURN count(c) AS written
