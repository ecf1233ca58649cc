// parts/fact-filter: a FRAGMENT, not a query (written where a query says __FACT_FILTER__).
// The filter of fact/page on `n` (its parameters are documented there).
// Each condition is guarded by its parameters (query-parts.ts): a request runs only those it sets.
WHERE true
  AND ($type IS NULL OR $type IN labels(n))  // @if $type
  AND ($yearFrom IS NULL OR coalesce(n.periodEnd, n.periodStart) >= $yearFrom)  // @if $yearFrom
  AND ($yearTo IS NULL OR coalesce(n.periodStart, n.periodEnd) <= $yearTo)  // @if $yearTo
  AND ($about IS NULL OR EXISTS { (n)-[:ABOUT|TRADER|OF_PRODUCT|FROM|TO|VIA]->(x) WHERE x.id = $about })  // @if $about
  AND ($source IS NULL OR EXISTS { (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(:Source {id: $source}) })  // @if $source
  // sourceCount: the distinct sources of the fact's excerpts, kept by every import (aggregates/source-counts);
  // counted here only for a fact written before the first import that stored it.
  // @if $minSources | $maxSources
  AND ($minSources IS NULL AND $maxSources IS NULL OR
    coalesce(n.sourceCount, COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s })
      >= coalesce($minSources, 0)
    AND coalesce(n.sourceCount, COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s })
      <= coalesce($maxSources, 1000000000))
  // @end
