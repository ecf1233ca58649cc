import { Command, Option } from 'commander';
import { runImport, formatReport, ImportReport, ImportFormat } from '../../ingest';
import { seedGraph } from '../../ingest/seed';
import { migrate } from '../../neo4j/migrations';
import { say } from '../say';
import { withNeo4j } from '../with-neo4j';

function finish(report: ImportReport): void {
  process.stdout.write(formatReport(report) + '\n');
  if (report.ok) return;
  const outcome = report.written
    ? 'earlier batches were committed; re-running the same import completes it'
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

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import files into the graph: curated .jsonl, UN Comtrade CSV (legacy or API layout), HS nomenclature CSV')
    .argument('<paths...>', 'files or folders to import, as one run')
    .addOption(new Option('-f, --format <format>', 'input format').choices(['curated', 'comtrade', 'hs']).makeOptionMandatory())
    .option('--dry-run', 'validate and report without writing')
    .option('--encoding <name>', 'input encoding when not UTF-8 (e.g. gb18030, latin1)')
    .option('--hs-edition <edition>', 'HS edition of an HS nomenclature file', 'HS2022')
    .option('--create-missing', 'create countries and HS codes that Comtrade rows name but the graph lacks')
    .option('--batch-size <n>', 'rows per UNWIND batch', (v) => Number.parseInt(v, 10))
    .option('--batch-commit', 'commit each batch on its own (for very large files; a failure leaves earlier batches written)')
    .action(
      async (
        paths: string[],
        opts: { format: ImportFormat; dryRun?: boolean; encoding?: string; hsEdition: string; createMissing?: boolean; batchSize?: number; batchCommit?: boolean },
      ) => {
        await withNeo4j(async ({ db }) => {
          await migrate(db);
          finish(await runImport(db, { ...opts, paths, progress: process.stderr.isTTY }, say));
        });
      },
    );
}
