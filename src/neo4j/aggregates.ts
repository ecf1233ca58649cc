/**
 * What the graph stores besides what was imported, derived from it and kept current by the import
 * pipeline: after every written import (curated, Comtrade, seed, curation change sets) the ingest
 * calls `refreshAggregates` once. Each step is a named query in `cypher/aggregates/`, in order:
 *   - aggregates/sort-keys: the stored, indexed NAME sort key of every listed kind;
 *   - aggregates/source-counts: each fact's number of distinct sources (the single-source filter);
 *   - aggregates/fact-counts: the number of facts per kind and source count (single-source facts'
 *     `totalCount`);
 *   - aggregates/concentration: the whole graph's exporter concentration per product, HS chapter,
 *     market and destination (cleared first: aggregates/concentration-clear) with every measure,
 *     the top exporter and the rank in the API's order, which `concentration(by:)` without a
 *     filter reads in index order instead of every flow;
 *   - aggregates/state: how many facts and flows they were computed from; a read that serves them
 *     checks the graph still has as many (a retraction, a write around the pipeline), else computes.
 * The per-node steps commit in batches (auto-commit transactions with CALL ... IN TRANSACTIONS): a
 * graph holds millions of facts.
 * Each step is idempotent and recomputes from the graph, so running it again changes nothing and
 * a graph written around the pipeline (tests, an analyst in Neo4j Browser) is made whole by one run.
 */
import type { Database } from './database';
import { QueryCatalog } from './queries';

/** Properties the steps write on imported nodes (no record states or owns them). */
export const DERIVED_PROPS: readonly string[] = ['sortKey', 'sourceCount'];

/** Labels of the nodes the steps write beside the imported graph (summaries, counts, their state): no record states them. */
export const AGGREGATE_LABELS: readonly string[] = ['ConcentrationSummary', 'FactSourceCount', 'AggregateState'];

/** The groups concentration is stored for (the API's ConcentrationBy). */
export const CONCENTRATION_GROUPS = ['PRODUCT', 'HS_CHAPTER', 'MARKET', 'DESTINATION'] as const;

export const AGGREGATE_STEPS: readonly { query: string; params?: Record<string, unknown>; batched?: boolean }[] = [
  { query: 'aggregates/sort-keys', batched: true },
  { query: 'aggregates/source-counts', batched: true },
  { query: 'aggregates/fact-counts' },
  { query: 'aggregates/concentration-clear', batched: true },
  ...CONCENTRATION_GROUPS.map((groupBy) => ({ query: 'aggregates/concentration', params: { groupBy } })),
  { query: 'aggregates/state' },
];

let catalog: QueryCatalog | undefined;

export async function refreshAggregates(db: Database, queries: QueryCatalog = (catalog ??= new QueryCatalog())): Promise<void> {
  for (const step of AGGREGATE_STEPS) {
    const text = queries.get(step.query);
    // Batched steps commit as they go (CALL ... IN TRANSACTIONS needs an auto-commit transaction).
    if (step.batched) await db.autoCommit(text, step.params);
    else await db.write(text, step.params);
  }
}
