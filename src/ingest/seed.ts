/**
 * `tradegraph seed`: the curated graph in seed/*.jsonl, imported as one run (name order, one
 * transaction).
 *
 * A restart should not re-import a seed the graph already holds: `seedIfChanged` (what
 * `tradegraph serve` runs) compares a checksum of the seed's inputs with the one the graph
 * recorded when the seed was last applied (a `(:SeedRecord)` node), and imports only when they
 * differ or the graph has none (a new or wiped database). `tradegraph seed` always imports.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../neo4j/database';
import { QueryCatalog } from '../neo4j/queries';
import { PROJECT_ROOT } from '../paths';
import { runImport, ImportReport } from './index';
import type { Logger } from './types';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

/**
 * What the graph a seed gives depends on: the seed files, the import code (this module's folder,
 * compiled or not), its Cypher and the migrations. A change to any of them re-applies the seed.
 */
export function seedInputs(): string[] {
  return [SEED_DIR, __dirname, path.join(PROJECT_ROOT, 'cypher', 'ingest'), path.join(PROJECT_ROOT, 'cypher', 'migrations')];
}

/** The seed record's queries (cypher/seed/), from the query catalog like every other query. */
let catalog: QueryCatalog | undefined;
const cypher = (name: string) => (catalog ??= new QueryCatalog()).get(`seed/${name}`);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.map') ? [] : [path.join(dir, e.name)]));
}

/** SHA-256 over every input file's path (relative to the project) and bytes, in a stable order. */
export function seedChecksum(inputs: string[] = seedInputs()): string {
  const hash = crypto.createHash('sha256');
  const files = [...new Set(inputs.flatMap(filesUnder))].sort();
  for (const file of files) {
    hash.update(path.relative(PROJECT_ROOT, file).replace(/\\/g, '/') + '\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export interface SeedOptions {
  dryRun?: boolean;
  progress?: boolean;
  /** Record the seed's checksum in the graph after a successful import (not on a dry run). */
  record?: boolean;
}

export async function seedGraph(db: Database, opts: SeedOptions = {}, log?: Logger): Promise<ImportReport> {
  const checksum = opts.record && !opts.dryRun ? seedChecksum() : undefined;
  const report = await runImport(db, { format: 'curated', paths: [SEED_DIR], dryRun: opts.dryRun, progress: opts.progress }, log);
  if (checksum && report.ok) await recordSeed(db, checksum, report.files);
  return report;
}

export async function recordedSeedChecksum(db: Database): Promise<string | null> {
  const rows = await db.read<{ checksum: string | null }>(cypher('record-read'));
  return rows[0]?.checksum ?? null;
}

async function recordSeed(db: Database, checksum: string, files: string[]): Promise<void> {
  await db.write(cypher('record-write'), { checksum, files: files.map((f) => path.relative(PROJECT_ROOT, f)) });
}

export type SeedOutcome = { skipped: true; checksum: string } | { skipped: false; checksum: string; report: ImportReport };

/** Imports the seed unless the graph records that this very seed was applied; records it after. */
export async function seedIfChanged(db: Database, opts: Omit<SeedOptions, 'record' | 'dryRun'> = {}, log?: Logger): Promise<SeedOutcome> {
  const checksum = seedChecksum();
  if ((await recordedSeedChecksum(db)) === checksum) return { skipped: true, checksum };
  const report = await runImport(db, { format: 'curated', paths: [SEED_DIR], progress: opts.progress }, log);
  if (report.ok) await recordSeed(db, checksum, report.files);
  return { skipped: false, checksum, report };
}
