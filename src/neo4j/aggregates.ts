/**
 * What the graph stores besides what was imported, derived from it and kept current by the import
 * pipeline: after every written import (curated, Comtrade, seed, curation change sets) the ingest
 * calls `refreshAggregates` once. Each step is a named query in `cypher/aggregates/`, in order:
 *   - aggregates/sort-keys: the stored, indexed NAME sort key of every listed kind (migration 008
 *     writes it on an existing graph).
 * Each step is idempotent and recomputes from the graph, so running it again changes nothing and
 * a graph written around the pipeline (tests, an analyst in Neo4j Browser) is made whole by one run.
 */
import type { Database } from './database';
import { QueryCatalog } from './queries';

export const AGGREGATE_STEPS = ['aggregates/sort-keys'] as const;

let catalog: QueryCatalog | undefined;

export async function refreshAggregates(db: Database, queries: QueryCatalog = (catalog ??= new QueryCatalog())): Promise<void> {
  for (const step of AGGREGATE_STEPS) await db.write(queries.get(step));
}
