/** `tradegraph seed`: the curated graph in seed/*.jsonl, imported as one run (name order, one transaction). */
import path from 'node:path';
import type { Database } from '../neo4j/database';
import { PROJECT_ROOT } from '../neo4j/queries';
import { runImport, ImportReport } from './index';
import type { Logger } from './types';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export async function seedGraph(db: Database, opts: { dryRun?: boolean; progress?: boolean } = {}, log?: Logger): Promise<ImportReport> {
  return runImport(db, { format: 'curated', paths: [SEED_DIR], dryRun: opts.dryRun, progress: opts.progress }, log);
}
