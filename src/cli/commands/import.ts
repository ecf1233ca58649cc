import { Command, Option } from 'commander';
import { runImport, formatReport, ImportReport, ImportFormat, resumeImport, rollbackImport } from '../../ingest';
import { initialImport } from '../../ingest/initial/initial';
import { seedGraph } from '../../ingest/seed';
import { migrate } from '../../neo4j/migrations';
import { say } from '../say';
import { withNeo4j } from '../with-neo4j';

function finish(report: ImportReport): void {
  process.stdout.write(formatReport(report) + '\n');
  if (report.ok) return;
  const outcome = report.written
    ? 'earlier batches were committed; re-running the same import completes it'
    : report.run?.outcome === 'rolled-back'
      ? `run ${report.run.id} was rolled back, nothing of it is visible`
      : 'nothing was written';
  throw new Error(`import failed: ${report.errorCount} error(s) listed above; ${outcome}`);
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Load the curated Chongqing graph from seed/ (validated first; re-running changes nothing); always runs, unlike serve, which skips a seed the graph records as applied')
    .option('--dry-run', 'validate and report without writing')
    .action(async (opts: { dryRun?: boolean }) => {
      await withNeo4j(async ({ db }) => {
        await migrate(db);
        // Always imports (serve skips an unchanged seed); records the checksum serve compares.
        finish(await seedGraph(db, { dryRun: opts.dryRun, progress: process.stderr.isTTY, record: true }, say));
      });
    });
}

interface ImportCliOptions {
  format?: ImportFormat;
  dryRun?: boolean;
  encoding?: string;
  hsEdition: string;
  createMissing?: boolean;
  batchSize?: number;
  batchCommit?: boolean;
  maxErrors?: number;
  rejects?: string;
  resume?: boolean;
  rollback?: boolean;
  initial?: boolean;
  oneTransactionLimit?: number;
  publishInBatches?: boolean;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'Import files into the graph: curated .jsonl, UN Comtrade CSV (legacy or API layout), HS nomenclature CSV. ' +
        'A Comtrade import is a recorded run: staged invisibly, then published; an interrupted run is completed with --resume or discarded with --rollback',
    )
    .argument('[paths...]', 'files or folders to import, as one run')
    .addOption(new Option('-f, --format <format>', 'input format').choices(['curated', 'comtrade', 'hs']))
    .option('--dry-run', 'validate and report without writing')
    .option('--encoding <name>', 'input encoding when not UTF-8 (e.g. windows-1252, gb18030, latin1)')
    .option('--hs-edition <edition>', 'HS edition of an HS nomenclature file', 'HS2022')
    .option('--create-missing', 'create countries and HS codes that Comtrade rows name but the graph lacks')
    .option('--batch-size <n>', 'rows per UNWIND batch', (v) => Number.parseInt(v, 10))
    .option('--batch-commit', 'curated/HS files: commit each batch on its own (a failure leaves earlier batches written)')
    .option('--max-errors <n>', 'Comtrade: import the valid rows when at most n rows are rejected (default 0: all or nothing)', (v) => Number.parseInt(v, 10))
    .option('--rejects <file>', 'write every rejected row (file, line, reason, record) to this CSV file')
    .option('--one-transaction-limit <n>', 'Comtrade: largest run (staged nodes) made visible in one transaction (default: what the server\'s transaction memory holds); a larger run stays staged, invisible, until --resume', (v) => Number.parseInt(v, 10))
    .option('--publish-in-batches', 'Comtrade: publish in batches of 20,000 instead of one transaction, for runs too large for the server\'s transaction memory (the API sees the run in part while it publishes)')
    .option('--resume', 'complete the unfinished import run (after a crash or kill), with the files and options it started with')
    .option('--rollback', 'discard the unfinished import run: nothing of it becomes visible')
    .option('--initial', 'Comtrade into an EMPTY managed database: validated as usual, then loaded with neo4j-admin database import (Neo4j stopped meanwhile; much faster); refused when NEO4J_URI is set or the database holds anything')
    .action(async (paths: string[], opts: ImportCliOptions) => {
      await withNeo4j(async ({ db, managed }, config) => {
        await migrate(db);
        if (opts.rollback) {
          const r = await rollbackImport(db);
          if (!r) return say.info('no unfinished import run: nothing to roll back');
          if ('error' in r) throw new Error(r.error);
          return say.info(`import run ${r.id} rolled back: what it staged is deleted, the graph is as it was before it`);
        }
        if (opts.resume) {
          const report = await resumeImport(db, { progress: process.stderr.isTTY, rejects: opts.rejects, oneTransactionLimit: opts.oneTransactionLimit, publishInBatches: opts.publishInBatches }, say);
          if (!report) return say.info('no unfinished import run: nothing to resume');
          return finish(report);
        }
        if (!opts.format) throw new Error("option '-f, --format <format>' is required (or --resume / --rollback)");
        if (paths.length === 0) throw new Error('name the files or folders to import');
        const { resume: _r, rollback: _b, initial, ...rest } = opts;
        if (initial) {
          const target = { db, managed, managedConfig: config.managed };
          return finish(await initialImport(target, { ...rest, format: opts.format, paths, progress: process.stderr.isTTY }, say));
        }
        finish(await runImport(db, { ...rest, format: opts.format, paths, progress: process.stderr.isTTY }, say));
      });
    });
}
