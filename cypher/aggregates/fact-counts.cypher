// aggregates/fact-counts: how many facts there are per kind (labels besides Fact) and number of
// distinct sources (`sourceCount`, written by aggregates/source-counts just before), as a few
// (:FactSourceCount) nodes, so `facts(filter: {maxSources: 1}) { totalCount }` adds a few stored
// counts instead of reading every fact (fact/page). Replaced as a whole after every import
// (src/neo4j/aggregates.ts); fact/page counts directly when the graph changed since (AggregateState).
CALL () {
  MATCH (old:FactSourceCount)
  DELETE old
}
MATCH (n:Fact)
WITH [l IN labels(n) WHERE l <> 'Fact'] AS labels, n.sourceCount AS sourceCount, count(*) AS facts
CREATE (c:FactSourceCount)
// An id of its own, so that listings of the graph in id order list these in one order too.
SET c.id = 'fact-count:' + reduce(k = '', l IN labels | k + l + ':') + coalesce(toString(sourceCount), 'none'),
  c.labels = labels, c.sourceCount = sourceCount, c.facts = facts
RETURN count(c) AS written
