/**
 * `tradegraph import --initial`: the first load of an EMPTY managed database through Neo4j's own
 * bulk loader instead of transactions.
 *
 *   check (managed, empty) -> read + validate (the staged import's pass, every check and option of
 *   a normal Comtrade import) into neo4j-admin files -> stop Neo4j -> `neo4j-admin database import
 *   full` -> start Neo4j -> migrations (constraints and indexes over the loaded data) -> report
 *
 * The graph is the one a normal import of the same files into an empty graph publishes: the same
 * flows, properties and relationships, the files' Sources and Excerpts, created regions and HS
 * codes, and the run recorded as a published `ImportRun` (mode `initial`).
 *
 * All or nothing: the database holds nothing before (checked), invalid input stops before Neo4j is
 * touched, and a failed bulk load removes the database's files so the server starts it empty again.
 * Refused, with one line, when NEO4J_URI names a server (its store files are not ours to write) or
 * when the database holds anything besides the migration records.
 */
import os from 'node:os';
import path from 'node:path';
import type { ManagedNeo4jConfig } from '../../config';
import type { Database } from '../../neo4j/database';
import { migrate } from '../../neo4j/migrations';
import { refreshAggregates } from '../../neo4j/aggregates';
import type { ManagedNeo4j } from '../../neo4j/managed';
import { fileChecksum, expandPaths } from '../files';
import { ImportOptions, ImportReport, runImport } from '../index';
import { newRunId } from '../staging/runs';
import { template } from '../templates';
import type { Logger } from '../types';
import { removeDatabaseFiles, runAdminImport } from './admin-import';
import { BulkFiles } from './bulk-files';

export interface InitialTarget {
  db: Database;
  /** The managed server (absent when NEO4J_URI is set: refused). */
  managed?: ManagedNeo4j;
  managedConfig: ManagedNeo4jConfig;
}

/** Why `--initial` cannot run here, or undefined when it can. */
export async function initialRefusal(t: InitialTarget, opts: ImportOptions): Promise<string | undefined> {
  if (!t.managed) return '--initial loads the managed Neo4j with neo4j-admin (its store files are written directly), and NEO4J_URI names another server: import without --initial';
  if (opts.format !== 'comtrade') return '--initial loads UN Comtrade files (-f comtrade)';
  if (opts.dryRun) return '--initial with --dry-run: use --dry-run alone (it validates the same way)';
  const [row] = await t.db.read<{ others: number }>(template('initial/other-nodes'));
  const others = row?.others ?? 0;
  if (others > 0) return `--initial loads an empty database only, and this one holds ${others.toLocaleString('en-US')} node(s): import without --initial (or \`tradegraph neo4j wipe\` first)`;
  return undefined;
}

export async function initialImport(t: InitialTarget, opts: ImportOptions, log: Logger): Promise<ImportReport> {
  const refusal = await initialRefusal(t, opts);
  if (refusal) throw new Error(refusal);
  const startedAt = new Date().toISOString();
  const runId = newRunId();
  const files = new BulkFiles(path.join(opts.bulkDir ?? os.tmpdir(), `tradegraph-initial-${runId}`), runId);
  const t0 = Date.now();
  const took = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  try {
    // An empty graph: every country, area and HS code the rows name is created (as --create-missing).
    const report = await runImport(t.db, { ...opts, createMissing: true, sink: files }, log);
    if (!report.ok) return report;
    const { files: inputs } = expandPaths(opts.paths, ['.csv', '.txt', '.tsv']);
    const bulk = files.finish({
      id: runId,
      status: 'published',
      mode: 'initial',
      format: 'comtrade',
      files: inputs,
      checksums: inputs.map((f) => fileChecksum(f)),
      options: JSON.stringify({ format: 'comtrade', paths: inputs, encoding: opts.encoding, hsEdition: opts.hsEdition, createMissing: true, maxErrors: opts.maxErrors }),
      counts: JSON.stringify(report.counts),
      rows: report.rows,
      rejected: report.rejected,
      startedAt,
      finishedAt: new Date().toISOString(),
    });
    log.info(`validated ${report.rows} rows into neo4j-admin files in ${took(t0)}; stopping Neo4j for neo4j-admin database import`);
    await t.managed!.stop();
    const t1 = Date.now();
    try {
      await runAdminImport(t.managedConfig, bulk, files.dir, log);
      log.info(`neo4j-admin database import: ${took(t1)}`);
    } catch (err) {
      removeDatabaseFiles(t.managedConfig); // back to an empty database, as before
      await t.managed!.start();
      await migrate(t.db);
      throw err;
    }
    await t.managed!.start();
    await t.db.verifyConnectivity();
    const t2 = Date.now();
    await migrate(t.db); // the new store has no constraints or indexes yet
    log.info(`migrations (constraints and indexes over the loaded graph): ${took(t2)}`);
    // What every written import ends with: the stored aggregates (sort keys, source counts,
    // concentration summaries). The graph was empty, so (none stored) its aggregates were exact, and
    // what the load wrote is known: Comtrade flows with their one source (`sourceCount` is in the
    // bulk files) and no trader (so in no concentration summary), and the entities it created, whose
    // sort keys are written, as are the flows' (one batched pass). The incremental refresh of that is
    // the full one, without grouping every flow.
    const t3 = Date.now();
    const r = await refreshAggregates(t.db, undefined, { touched: {}, sortKeysOnly: files.entityIds(), baseline: true });
    log.info(`aggregates (sort keys, source counts, fact counts, concentration; ${r.mode}): ${took(t3)} (${Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')})`);
    report.run = { id: runId, outcome: 'published', resumed: false, publishedIn: 'bulk import (neo4j-admin)' };
    report.written = true;
    return report;
  } finally {
    files.dispose();
  }
}
