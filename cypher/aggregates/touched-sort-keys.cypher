// aggregates/touched-sort-keys: aggregates/sort-keys for the nodes an import wrote only (their ids
// per label in $touched, a map of lists: Company, Facility, Market, Policy, Product, Region, Source),
// the incremental refresh after an import (src/neo4j/aggregates.ts). The same key as there.
CALL () {
  UNWIND coalesce($touched.Company, []) AS id MATCH (n:Company {id: id}) RETURN n
  UNION
  UNWIND coalesce($touched.Facility, []) AS id MATCH (n:Facility {id: id}) RETURN n
  UNION
  UNWIND coalesce($touched.Market, []) AS id MATCH (n:Market {id: id}) RETURN n
  UNION
  UNWIND coalesce($touched.Policy, []) AS id MATCH (n:Policy {id: id}) RETURN n
  UNION
  UNWIND coalesce($touched.Product, []) AS id MATCH (n:Product {id: id}) RETURN n
  UNION
  UNWIND coalesce($touched.Region, []) AS id MATCH (n:Region {id: id}) RETURN n
  UNION
  UNWIND coalesce($touched.Source, []) AS id MATCH (n:Source {id: id}) RETURN n
}
WITH n, toLower(coalesce(CASE WHEN n:Source THEN n.title ELSE n.name END, '')) + '\u0000' + n.id AS sortKey
WITH n, sortKey WHERE n.sortKey IS NULL OR n.sortKey <> sortKey
SET n.sortKey = sortKey
RETURN count(n) AS written
