/**
 * What the graph stores besides what was imported, derived from it and kept current by the import
 * pipeline: after every written import (curated, Comtrade, seed, curation change sets) the ingest
 * calls `refreshAggregates` once. Each step is a named query in `cypher/aggregates/`, in order:
 *   - aggregates/sort-keys: the stored, indexed NAME sort key of every listed kind;
 *   - aggregates/source-counts: each fact's number of distinct sources (the single-source filter).
 * (Migration 008 writes both on a graph imported before.) They commit in batches (auto-commit
 * transactions with CALL ... IN TRANSACTIONS): a graph holds millions of facts.
 * Each step is idempotent and recomputes from the graph, so running it again changes nothing and
 * a graph written around the pipeline (tests, an analyst in Neo4j Browser) is made whole by one run.
 */
import type { Database } from './database';
import { QueryCatalog } from './queries';

export const AGGREGATE_STEPS = ['aggregates/sort-keys', 'aggregates/source-counts'] as const;

let catalog: QueryCatalog | undefined;

export async function refreshAggregates(db: Database, queries: QueryCatalog = (catalog ??= new QueryCatalog())): Promise<void> {
  for (const step of AGGREGATE_STEPS) await db.autoCommit(queries.get(step));
}
