// parts/flow-neighbours: a FRAGMENT, not a query (written where a query says __FLOW_NEIGHBOURS__).
// Look-ahead for trade flows (src/domain/shared/look-ahead.ts): for the flow `n` in scope, what the
// request's selection asks for under it, fetched in the query that loads the flow: `near`, a map of
// lists, each in the text only when its `$look` entry is true (a flow page that asks for nothing
// under its flows has an empty map: even an empty COLLECT costs per row). Each list is exactly what
// the field's own query returns (trade-flow/trader, /product, /from, /to, /reporter, /via,
// provenance/statements), in the same order, so the primed loaders answer as they would.
// A constant first entry, so that each guarded entry can start with its comma.
WITH *, {
  asked: true
  , trader: COLLECT { MATCH (n)-[:TRADER]->(x:Company) WHERE $look.trader RETURN x ORDER BY x.id }  // @if $look.trader=true
  , product: COLLECT { MATCH (n)-[:OF_PRODUCT]->(x:Product) WHERE $look.product RETURN x ORDER BY x.id }  // @if $look.product=true
  , from: COLLECT { MATCH (n)-[:FROM]->(x) WHERE $look.from RETURN x ORDER BY x.id }  // @if $look.from=true
  , to: COLLECT { MATCH (n)-[:TO]->(x) WHERE $look.to RETURN x ORDER BY x.id }  // @if $look.to=true
  , reportedBy: COLLECT { MATCH (n)-[:REPORTED_BY]->(x:Region) WHERE $look.reportedBy RETURN x ORDER BY x.id }  // @if $look.reportedBy=true
  , via: COLLECT { MATCH (n)-[:VIA]->(x:Policy) WHERE $look.via RETURN x ORDER BY x.id }  // @if $look.via=true
  // @if $look.provenance=true
  , provenance: COLLECT {
    MATCH (n)-[:STATED_IN]->(excerpt:Excerpt) WHERE $look.provenance
    OPTIONAL MATCH (excerpt)-[:EXCERPT_OF]->(source:Source)
    RETURN {excerpt: excerpt, source: source} ORDER BY excerpt.id, source.id
  }
  // @end
} AS near
