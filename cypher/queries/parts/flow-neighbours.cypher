// parts/flow-neighbours: a FRAGMENT, not a query (written where a query says __FLOW_NEIGHBOURS__).
// Look-ahead for trade flows (src/domain/shared/look-ahead.ts): for the flow `n` in scope, what the
// request's selection asks for under it, fetched in the query that loads the flow: `near`, a map of
// lists, each in the text only when its `$look` entry is true (a flow page that asks for nothing
// under its flows has an empty map: even an empty COLLECT costs per row). Each list is exactly what
// the field's own query returns (trade-flow/trader, /product, /from, /to, /reporter, /via,
// provenance/statements), in the same order, so the primed loaders answer as they would. A node
// comes as the request's properties of its type ($fields: src/domain/shared/selected-properties.ts)
// or whole when $fields has no list for it.
// A constant first entry, so that each guarded entry can start with its comma.
WITH *, {
  asked: true
  , trader: COLLECT { MATCH (n)-[:TRADER]->(x:Company) WHERE $look.trader RETURN CASE WHEN $fields.Company IS NULL THEN x ELSE ['Company'] + [k IN $fields.Company | x[k]] END ORDER BY x.id }  // @if $look.trader=true
  , product: COLLECT { MATCH (n)-[:OF_PRODUCT]->(x:Product) WHERE $look.product RETURN CASE WHEN $fields.Product IS NULL THEN x ELSE ['Product'] + [k IN $fields.Product | x[k]] END ORDER BY x.id }  // @if $look.product=true
  , from: COLLECT { MATCH (n)-[:FROM]->(x) WHERE $look.from RETURN CASE WHEN x:Region AND $fields.Region IS NOT NULL THEN ['Region'] + [k IN $fields.Region | x[k]] WHEN x:Market AND $fields.Market IS NOT NULL THEN ['Market'] + [k IN $fields.Market | x[k]] ELSE x END ORDER BY x.id }  // @if $look.from=true
  , to: COLLECT { MATCH (n)-[:TO]->(x) WHERE $look.to RETURN CASE WHEN x:Region AND $fields.Region IS NOT NULL THEN ['Region'] + [k IN $fields.Region | x[k]] WHEN x:Market AND $fields.Market IS NOT NULL THEN ['Market'] + [k IN $fields.Market | x[k]] ELSE x END ORDER BY x.id }  // @if $look.to=true
  , reportedBy: COLLECT { MATCH (n)-[:REPORTED_BY]->(x:Region) WHERE $look.reportedBy RETURN CASE WHEN $fields.Region IS NULL THEN x ELSE ['Region'] + [k IN $fields.Region | x[k]] END ORDER BY x.id }  // @if $look.reportedBy=true
  , via: COLLECT { MATCH (n)-[:VIA]->(x:Policy) WHERE $look.via RETURN CASE WHEN $fields.Policy IS NULL THEN x ELSE ['Policy'] + [k IN $fields.Policy | x[k]] END ORDER BY x.id }  // @if $look.via=true
  // @if $look.provenance=true
  , provenance: COLLECT {
    MATCH (n)-[:STATED_IN]->(excerpt:Excerpt) WHERE $look.provenance
    OPTIONAL MATCH (excerpt)-[:EXCERPT_OF]->(source:Source)
    RETURN {
      excerpt: CASE WHEN $fields.Excerpt IS NULL THEN excerpt ELSE ['Excerpt'] + [k IN $fields.Excerpt | excerpt[k]] END,
      source: CASE WHEN source IS NULL OR $fields.Source IS NULL THEN source ELSE ['Source'] + [k IN $fields.Source | source[k]] END
    } ORDER BY excerpt.id, source.id
  }
  // @end
} AS near
