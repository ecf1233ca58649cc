// Stored sort keys and source counts (issue #11): `sortKey = toLower(name) + char 0 + id` (a Source's title) on every
// listed kind, with a RANGE index per label, so NAME pages are read in index order with LIMIT
// instead of sorting every node of the label. Imports keep the keys current
// (cypher/aggregates/sort-keys.cypher, run after every written import); this writes them once on
// a graph imported before.
CREATE INDEX company_sort_key IF NOT EXISTS FOR (n:Company) ON (n.sortKey);
CREATE INDEX facility_sort_key IF NOT EXISTS FOR (n:Facility) ON (n.sortKey);
CREATE INDEX market_sort_key IF NOT EXISTS FOR (n:Market) ON (n.sortKey);
CREATE INDEX policy_sort_key IF NOT EXISTS FOR (n:Policy) ON (n.sortKey);
CREATE INDEX product_sort_key IF NOT EXISTS FOR (n:Product) ON (n.sortKey);
CREATE INDEX region_sort_key IF NOT EXISTS FOR (n:Region) ON (n.sortKey);
CREATE INDEX source_sort_key IF NOT EXISTS FOR (n:Source) ON (n.sortKey);
MATCH (n:Company|Facility|Market|Policy|Product|Region|Source)
WITH n, toLower(coalesce(CASE WHEN n:Source THEN n.title ELSE n.name END, '')) + '\u0000' + n.id AS sortKey
WHERE n.sortKey IS NULL OR n.sortKey <> sortKey
SET n.sortKey = sortKey;
// Facts' `sourceCount` (distinct sources of their excerpts), indexed: the single-source filter reads
// it instead of counting. Written by cypher/aggregates/source-counts.cypher after every import, in
// batches (a graph of a million facts does not fit one transaction, which a migration is); until
// then parts/fact-filter counts for facts without it.
CREATE INDEX fact_source_count IF NOT EXISTS FOR (n:Fact) ON (n.sourceCount);
