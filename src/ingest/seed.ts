/**
 * The curated seed graph: every `seed/*.jsonl` file, imported as one validated, transactional,
 * idempotent run of the ingestion pipeline (the same one `tradegraph import` uses).
 */
import path from 'node:path';
import type { Database } from '../neo4j/database';
import { PROJECT_ROOT } from '../neo4j/queries';
import { runImport, ImportReport } from './index';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export async function seedGraph(db: Database, opts: { dryRun?: boolean; progress?: boolean } = {}): Promise<ImportReport> {
  return runImport(db, { format: 'curated', paths: [SEED_DIR], dryRun: opts.dryRun, progress: opts.progress });
}
