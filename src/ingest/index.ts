/**
 * The import pipeline behind `tradegraph seed` and `tradegraph import`:
 *
 *   read (streamed) -> validate (every error, file:line) -> normalize to node/relationship upserts
 *   -> cross-check (duplicates, conflicting facts, references against the import and the graph)
 *   -> write (batched UNWIND ... MERGE, nodes before relationships, ONE transaction by default)
 *   -> report (created / updated / unchanged per label and type, errors with line numbers).
 *
 * Nothing is written unless the whole input is valid. Writing is idempotent: the same input twice
 * reports everything unchanged the second time and leaves the graph as it was.
 *
 * Size: by default every valid record is kept in memory and written in one transaction, so a failed
 * run leaves the graph untouched. Past `maxTransactionRows` records (default 20,000; a 1 GB heap
 * Neo4j was measured to take 50,000 Comtrade rows and to refuse about 120,000) the run stops keeping
 * records (validation goes on to list every error, its memory bounded by KeyIndex, which spills
 * record digests to disk) and fails before writing, unless `batchCommit` is set. With
 * `batchCommit`, after the same validation, the files are read again and each batch of `batchSize`
 * records is committed on its own: nodes first, then relationships. The trade-off: a failure
 * midway (server down, disk full) leaves the batches before it written (the report says how many);
 * since writes are idempotent, re-running the same import completes it. See README.md.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../neo4j/database';
import { ImportChecks } from './checks';
import { ErrorList, MessageGroup, MessageList } from './errors';
import { EXTENSIONS, expandPaths, totalBytes } from './files';
import { checkEncoding } from './lines';
import { labelForId, relRuleViolation, MergeLabel } from './model';
import { Progress } from './progress';
import { makeReader } from './readers';
import type { Reader, ReaderOptions } from './readers/reader';
import { ingestQueries } from './templates';
import type { Logger, RowItem } from './types';
import { Counts, GraphWriter } from './writer';
import { RowSink, StagedImport } from './staging/import';
import { rollbackRun } from './staging/publish';
import { aggregateBaseline, AggregateScope, refreshAggregates, Touched, TouchedIds } from '../neo4j/aggregates';
import { RunRecord, unfinishedRun } from './staging/runs';

export type { Logger, ImportError } from './types';
export type { Counts } from './writer';
export { formatReport } from './report';

export type ImportFormat = 'curated' | 'comtrade' | 'hs'; // comtrade auto-detects legacy vs api layout

export interface ImportOptions {
  format: ImportFormat;
  /** Comtrade: validated rows go to this sink instead of the graph (`import --initial`, initial/). */
  sink?: RowSink;
  /** `import --initial`: where the bulk loader's files are written (default: the temp directory). */
  bulkDir?: string;
  paths: string[];
  dryRun?: boolean;
  /** Input encoding when not UTF-8 (any WHATWG label: gb18030, gbk, big5, latin1, windows-1252, ...). */
  encoding?: string;
  /** Edition of an HS nomenclature file, and of Comtrade rows classified "HS" (as reported). Default HS2022. */
  hsEdition?: string;
  /** Create countries (from the ISO 3166 reference table), Comtrade areas and HS codes that rows name but the graph lacks. */
  createMissing?: boolean;
  /** Rows per UNWIND query (default 1000). */
  batchSize?: number;
  /** Commit each batch on its own (large files); see the module comment for the trade-off. */
  batchCommit?: boolean;
  /** Largest number of records written in one transaction (default 20,000). */
  maxTransactionRows?: number;
  /** Progress bar on a terminal (else plain progress lines through the logger). */
  progress?: boolean;
  /** Distinct error messages listed in the report (default 1000; past it only the count grows). */
  listErrors?: number;
  /**
   * Rejected rows tolerated (Comtrade): up to this many bad rows are left out and the valid rows
   * imported; one more rejects the run. Default 0: all or nothing.
   */
  maxErrors?: number;
  /** Write every rejected row (file, line, reason, record) to this CSV file. */
  rejects?: string;
  /**
   * Comtrade: largest staged run (nodes) published in one transaction. Default: what the server's
   * transaction memory holds (staging/publish.ts); a larger run stays staged, invisible, until
   * memory is raised and `--resume` publishes it (or `publishInBatches`).
   */
  oneTransactionLimit?: number;
  /** Comtrade: publish in batches instead of one transaction (the API sees the run in part while it publishes). */
  publishInBatches?: boolean;
  /** Record keys checked for duplicates in memory before spilling to temporary files (default 500,000). */
  memoryKeys?: number;
  /**
   * Runs the one write transaction of a curated or HS import (not with batchCommit): given the
   * transaction and the import's write, it may do more in the same transaction around it (curation
   * records what changed, src/domain/curation/apply.ts). Throwing rolls everything back.
   */
  inTransaction?: (tx: ManagedTransaction, write: () => Promise<Counts>) => Promise<Counts>;
}

export interface ImportReport {
  ok: boolean;
  files: string[];
  rows: number;
  rejected: number;
  /** Errors, identical messages grouped (`count` rows, the first at `file`:`line`). */
  errors: MessageGroup[];
  /** All errors, including those past the listed ones. */
  errorCount: number;
  /** Rows read but deliberately not imported, per reason (breakdowns of totals, the World partner). */
  skipped: Record<string, number>;
  /** What the readers repaired or want known (restored leading zeros, trailing commas), grouped. */
  notices: MessageGroup[];
  /** The import run recorded in the graph (Comtrade imports), and what became of it. */
  run?: { id: string; outcome: string; resumed: boolean; publishedIn?: string };
  rejectsFile?: string;
  /** Per label (`Region`) and relationship type (`FROM`): what the rows did to the graph. */
  counts: Record<string, { created: number; updated: number; unchanged: number }>;
  /** Whether anything was written (with `batchCommit`, also when a later batch failed: ok is then false). */
  written: boolean;
  dryRun: boolean;
}

export const DEFAULT_BATCH_SIZE = 1000;
/**
 * Record keys a staged Comtrade run checks in memory before spilling them to disk: low, so that the
 * importer's memory stays flat whatever the file size (measured: 200k rows, dry run, 373 MB peak
 * RSS with 500k; see src/ingest/README.md).
 */
export const DEFAULT_STAGED_MEMORY_KEYS = 100_000;
/** Rows per staged Comtrade batch (and transaction). */
export const DEFAULT_STAGED_BATCH = 20_000;
export const DEFAULT_MAX_TRANSACTION_ROWS = 20_000;

/** The options a run records, so that `--resume` reads the same files the same way. */
function recordedOptions(o: ImportOptions, files: string[]): Record<string, unknown> {
  return { format: o.format, paths: files, encoding: o.encoding, hsEdition: o.hsEdition, createMissing: o.createMissing, batchSize: o.batchSize, maxErrors: o.maxErrors, memoryKeys: o.memoryKeys, oneTransactionLimit: o.oneTransactionLimit, publishInBatches: o.publishInBatches };
}

/**
 * `tradegraph import --resume`: completes the unfinished import run (staging goes on after the last
 * staged row, or publishing finishes). Undefined when no run is unfinished.
 */
export async function resumeImport(db: Database, extra: Pick<ImportOptions, 'progress' | 'rejects' | 'listErrors' | 'oneTransactionLimit' | 'publishInBatches'>, log?: Logger): Promise<ImportReport | undefined> {
  const run = await unfinishedRun(db);
  if (!run) return undefined;
  const saved = JSON.parse(run.options) as ImportOptions;
  log?.info(`resuming import run ${run.id} (${run.status}, staged through file ${run.stagedFile + 1} line ${run.stagedLine})`);
  const given = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)); // a resume may raise the limit or choose batches
  const imp = new ImportRun(db, { ...saved, ...given, paths: run.files, format: 'comtrade' }, log);
  try {
    const baseline = await aggregateBaseline(db);
    const report = await imp.resume(run);
    return await afterWritten(db, report, log, imp.scope(baseline));
  } finally {
    imp.dispose();
  }
}

/** `tradegraph import --rollback`: discards the unfinished run's staged data. Refused once publishing started. */
export async function rollbackImport(db: Database): Promise<{ id: string } | { error: string } | undefined> {
  const run = await unfinishedRun(db);
  if (!run) return undefined;
  if (run.status === 'publishing') return { error: `import run ${run.id} was being published: part of it is live, so it can only be completed (\`tradegraph import --resume\`)` };
  await rollbackRun(db, run.id, 'rolled back by the user');
  return { id: run.id };
}

export { unfinishedRun, describeUnfinished } from './staging/runs';

export async function runImport(db: Database, opts: ImportOptions, log?: Logger): Promise<ImportReport> {
  const run = new ImportRun(db, opts, log);
  try {
    // Read before anything is written: whether refreshing what this import touches is enough.
    const baseline = !opts.dryRun && !opts.sink ? await aggregateBaseline(db) : false;
    const report = await run.execute();
    return await afterWritten(db, report, log, run.scope(baseline));
  } finally {
    run.dispose();
  }
}

/**
 * After an import that wrote: the aggregates the graph keeps (sort keys, source counts, analytics
 * summaries) follow it, recomputed for what it touched only when they were exact before it.
 */
async function afterWritten(db: Database, report: ImportReport, log?: Logger, scope?: AggregateScope): Promise<ImportReport> {
  if (!report.written) return report;
  const t0 = Date.now();
  const r = await refreshAggregates(db, undefined, scope);
  const what = r.mode === 'full' ? 'over the whole graph' : `for what the import touched: ${r.groups} concentration group(s)`;
  const steps = Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  log?.info(`aggregates (sort keys, source counts, fact counts, concentration) refreshed ${what} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${steps})`);
  return report;
}

/** One import: its options, its error list and report, and the state shared by its phases. */
class ImportRun {
  private readonly errors: ErrorList;
  private readonly files: string[];
  private readonly report: ImportReport;
  private readonly batchSize: number;
  private readonly maxTxRows: number;
  private readonly progress: Progress;
  private readonly readerOpts: ReaderOptions;
  private readonly reader: Reader;
  private readonly checks: ImportChecks;
  /** Valid records kept for the single transaction (up to maxTransactionRows). */
  private readonly kept: RowItem[] = [];
  /** File-level records and created nodes, written first. */
  private extras: RowItem[] = [];
  private tooLarge = false;
  private readonly notices: MessageList;
  /** The ids the write touched (curated and HS imports), for the incremental aggregates refresh. */
  private readonly touched = new TouchedIds();
  /** A published staged run's touched ids (staging/import.ts). */
  private stagedTouched?: { flows: Touched; entities: Touched };

  constructor(
    private readonly db: Database,
    private readonly opts: ImportOptions,
    private readonly log?: Logger,
  ) {
    this.errors = new ErrorList(opts.listErrors);
    const { files, errors: pathErrors } = expandPaths(opts.paths, EXTENSIONS[opts.format]);
    this.files = files;
    this.report = { ok: false, files, rows: 0, rejected: 0, errors: [], errorCount: 0, counts: {}, written: false, dryRun: !!opts.dryRun, skipped: {}, notices: [] };
    this.notices = new MessageList();
    for (const e of pathErrors) this.errors.add(e.split(':')[0]!, 0, e);
    const encodingError = opts.encoding ? checkEncoding(opts.encoding) : undefined;
    if (encodingError) this.errors.add(opts.paths[0] ?? '', 0, encodingError);
    if (files.length === 0 && this.errors.total === 0) this.errors.add('', 0, 'no input files');
    this.batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
    this.maxTxRows = opts.maxTransactionRows ?? DEFAULT_MAX_TRANSACTION_ROWS;
    this.progress = new Progress(!!opts.progress && !!process.stderr.isTTY, log);
    this.readerOpts = {
      encoding: opts.encoding,
      hsEdition: (opts.hsEdition ?? 'HS2022').toUpperCase(),
      createMissing: !!opts.createMissing,
      onBytes: (n) => this.progress.add(n),
    };
    this.reader = makeReader(opts.format);
    this.checks = new ImportChecks(opts.memoryKeys);
  }

  async execute(): Promise<ImportReport> {
    if (this.errors.total > 0) return this.finish();
    if (this.opts.format === 'comtrade') return this.staged();
    await this.validate();
    await this.resolveReferences();
    if (this.errors.total > 0) {
      this.log?.warn(`${this.errors.total} error(s): nothing written`);
      return this.finish();
    }
    if (this.tooLarge) {
      this.errors.add(
        this.files[0]!,
        0,
        `${this.report.rows} records are more than ${this.maxTxRows} for one transaction (a 1 GB heap Neo4j cannot hold them safely): ` +
          `nothing written. Re-run with batchCommit (--batch-commit) to commit every ${this.batchSize} records ` +
          `(a failure midway leaves earlier batches written; re-running completes the import)`,
      );
      return this.finish();
    }
    if (this.opts.dryRun) {
      this.log?.info(`dry run: ${this.report.rows} records valid, nothing written`);
      return this.finish();
    }
    await this.write();
    return this.finish();
  }

  dispose(): void {
    this.progress.stop();
    this.checks.dispose();
  }

  /** What the aggregates refresh after this import may be limited to (undefined: everything). */
  scope(baseline: boolean): AggregateScope | undefined {
    if (this.opts.format === 'comtrade') return this.stagedTouched && { touched: this.stagedTouched.flows, sortKeysOnly: this.stagedTouched.entities, baseline };
    const touched = this.touched.result();
    return touched ? { touched, baseline } : undefined;
  }

  /** Records what items write: their nodes, both ends of their relationships, the nodes their fields claim. */
  private touch(items: RowItem[]): void {
    for (const item of items) {
      for (const n of item.nodes) this.touched.add(labelForId(n.id), n.id);
      for (const r of item.rels) {
        this.touched.add(labelForId(r.fromId), r.fromId);
        this.touched.add(labelForId(r.toId), r.toId);
      }
      for (const c of item.claims ?? []) this.touched.add(labelForId(c.id), c.id);
    }
  }

  /** Comtrade files: the staged, resumable pipeline (staging/import.ts). */
  private async staged(resume?: RunRecord): Promise<ImportReport> {
    const o = this.opts;
    const staged = new StagedImport(this.db, {
      files: this.files,
      format: o.format,
      reader: this.reader,
      readerOpts: this.readerOpts,
      dryRun: !!o.dryRun,
      createMissing: !!o.createMissing,
      batchSize: Math.max(1, o.batchSize ?? DEFAULT_STAGED_BATCH),
      maxErrors: o.maxErrors ?? 0,
      rejects: o.rejects,
      listErrors: o.listErrors,
      memoryKeys: o.memoryKeys ?? DEFAULT_STAGED_MEMORY_KEYS,
      oneTransactionLimit: o.oneTransactionLimit,
      publishInBatches: o.publishInBatches,
      sink: o.sink,
      progress: this.progress,
      recordOptions: recordedOptions(o, this.files),
      resume,
      log: this.log,
    });
    try {
      const r = await staged.execute();
      Object.assign(this.report, {
        rows: r.rows,
        rejected: r.rejected,
        counts: r.outcome === 'published' || r.outcome === 'collected' ? r.counts : {},
        skipped: r.skipped,
        written: r.outcome === 'published',
        run: r.runId ? { id: r.runId, outcome: r.outcome, resumed: r.resumed, publishedIn: r.publishedIn } : undefined,
        rejectsFile: r.rejectsFile,
      });
      this.stagedTouched = r.touched;
      this.report.errors = r.errors.sorted(this.files);
      this.report.errorCount = r.errors.total;
      this.report.notices = r.notices.sorted(this.files);
      this.report.ok = r.ok;
      if (r.outcome === 'published') this.log?.info(`import run ${r.runId} published: ${r.rows} rows read`);
      return this.report;
    } finally {
      staged.dispose();
    }
  }

  /** Completes the unfinished run `run` with the files and options it was started with. */
  async resume(run: RunRecord): Promise<ImportReport> {
    return this.staged(run);
  }

  private finish(): ImportReport {
    this.report.notices = this.notices.sorted(this.files);
    this.report.errors = this.errors.sorted(this.files);
    this.report.errorCount = this.errors.total;
    this.report.ok = this.errors.total === 0;
    return this.report;
  }

  /** Validates one item and records it; returns whether it is new and valid. */
  private accept(item: RowItem): boolean {
    for (const n of item.notices ?? []) this.notices.add(item.file, item.line, n);
    const problems = [...item.errors, ...structuralErrors(item)];
    if (problems.length === 0) {
      const { status, errors: conflicts } = this.checks.add(item);
      if (status === 'repeat') return false;
      problems.push(...conflicts);
    }
    if (problems.length > 0) {
      this.report.rejected += 1;
      for (const p of problems) this.errors.add(item.file, item.line, p);
      return false;
    }
    return true;
  }

  /** 1. Read and validate everything, streaming; keep what one transaction can take. */
  private async validate(): Promise<void> {
    this.progress.start('validate', totalBytes(this.files), 'bytes');
    for (const file of this.files) {
      this.log?.info(`reading ${file}`);
      for await (const item of this.reader.read(file, this.readerOpts)) {
        this.report.rows += 1;
        if (!this.accept(item) || this.opts.batchCommit) continue;
        if (this.kept.length < this.maxTxRows) this.kept.push(item);
        else if (!this.tooLarge) {
          this.tooLarge = true;
          this.log?.warn(`more than ${this.maxTxRows} records: too many for one transaction, so nothing will be written without batchCommit; validating the rest to list every error`);
        }
      }
    }
    this.progress.stop();
    for (const e of await this.checks.finish()) {
      this.report.rejected += 1;
      this.errors.add(e.file, e.line, e.message);
    }
    // After finish(): the index is back in memory mode, so what these define stays known.
    this.extras = (this.reader.fileItems?.() ?? []).filter((i) => this.accept(i));
  }

  /** 2. What the import does not define must already be in the graph (one read query), or be created. */
  private async resolveReferences(): Promise<void> {
    let missing = await findMissing(this.db, this.checks);
    if (missing.size > 0 && this.readerOpts.createMissing && this.reader.createMissing) {
      this.extras.push(...this.reader.createMissing([...missing.keys()]).filter((i) => this.accept(i)));
      missing = await findMissing(this.db, this.checks); // what could not be created, and what created nodes refer to
    }
    for (const [id, ref] of missing) {
      const more = ref.count > 1 ? ` (and ${ref.count - 1} more reference${ref.count > 2 ? 's' : ''})` : '';
      const hint = this.reader.createMissing && !this.readerOpts.createMissing ? '; pass createMissing (--create-missing) to create it' : '';
      this.errors.add(ref.file, ref.line, `${id} is neither defined in the import nor in the graph${more}${hint}`);
    }
  }

  /** 3. Write: nodes before relationships, in one transaction or batch by batch. */
  private async write(): Promise<void> {
    if (!this.opts.batchCommit) {
      const writer = new GraphWriter(ingestQueries(), this.batchSize, (n) => this.progress.add(n));
      const all = [...this.extras, ...this.kept];
      this.touch(all);
      this.progress.start('write', countUpserts(all), 'upserts');
      try {
        this.report.counts = await this.db.executeWrite(async (tx) => {
          const write = async () => {
            const counts: Counts = {}; // fresh per attempt: the driver may retry the whole function
            await writer.writeNodes(tx, all, counts);
            await writer.writeRels(tx, all, counts);
            return counts;
          };
          return this.opts.inTransaction ? this.opts.inTransaction(tx, write) : write();
        });
      } catch (err) {
        this.errors.add(this.files[0]!, 0, `writing failed and was rolled back, nothing written: ${describeWriteError(err)}`);
        return;
      }
    } else {
      const writer = new GraphWriter(ingestQueries(), this.batchSize);
      const progress: BatchProgress = { batches: 0, counts: {} };
      try {
        await writeInBatches(this.db, writer, this.reader, this.files, this.readerOpts, this.extras, this.batchSize, this.progress, progress, (items) => this.touch(items));
      } catch (err) {
        this.report.counts = progress.counts;
        this.report.written = progress.batches > 0;
        this.errors.add(
          this.files[0]!,
          0,
          `writing failed after ${progress.batches} committed batch(es), which stay written: ${describeWriteError(err)}. ` +
            'Re-running the same import completes it (writes are idempotent)',
        );
        return;
      }
      this.report.counts = progress.counts;
    }
    this.progress.stop();
    this.report.written = true;
    this.log?.info(`import written: ${this.report.rows} records`);
  }
}

function describeWriteError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = e.message ?? String(err);
  if (e.code?.includes('MemoryPoolOutOfMemoryError')) {
    return `${msg} (the transaction is too large for the server's memory: lower maxTransactionRows or use batchCommit)`;
  }
  return msg;
}

/** Ids that the import refers to but does not define and the graph does not have. */
async function findMissing(db: Database, checks: ImportChecks): Promise<Map<string, { file: string; line: number; count: number }>> {
  const unresolved = checks.unresolved();
  const missing = new Map(unresolved);
  if (unresolved.size === 0) return missing;
  const byLabel = new Map<MergeLabel, string[]>();
  for (const id of unresolved.keys()) {
    const label = labelForId(id)!;
    let list = byLabel.get(label);
    if (!list) byLabel.set(label, (list = []));
    list.push(id);
  }
  const q = ingestQueries();
  const found = await db.read<{ id: string }>(q.existingIds(), q.existingIdsParams(byLabel));
  for (const { id } of found) missing.delete(id);
  return missing;
}

/** Checks every reader must pass: well-formed ids and relationships the model allows. */
function structuralErrors(item: RowItem): string[] {
  if (item.errors.length > 0) return [];
  const out: string[] = [];
  for (const n of item.nodes) if (!labelForId(n.id)) out.push(`"${n.id}" is not a valid id (see docs/model.md, Ids)`);
  for (const r of item.rels) {
    const why = relRuleViolation(r.type, r.fromId, r.toId);
    if (why) out.push(why);
  }
  return out;
}

function countUpserts(items: RowItem[]): number {
  return items.reduce((n, i) => n + i.nodes.length + i.rels.length, 0);
}

export interface BatchProgress {
  /** Batches committed so far (they stay written if a later one fails). */
  batches: number;
  counts: Counts;
}

/** `batchCommit`: file-level items first, then every file read again for nodes, then for relationships. */
async function writeInBatches(
  db: Database,
  writer: GraphWriter,
  reader: Reader,
  files: string[],
  readerOpts: ReaderOptions,
  extras: RowItem[],
  batchSize: number,
  progress: Progress,
  state: BatchProgress,
  touch: (items: RowItem[]) => void,
): Promise<void> {
  const commit = async (items: RowItem[], what: 'nodes' | 'rels'): Promise<void> => {
    if (items.length === 0) return;
    touch(items); // before the write: a failed batch may have written part of it
    const local = await db.executeWrite(async (tx) => {
      const counts: Counts = {}; // fresh per attempt: the driver may retry the whole function
      if (what === 'nodes') await writer.writeNodes(tx, items, counts);
      else await writer.writeRels(tx, items, counts);
      return counts;
    });
    state.batches += 1;
    for (const [k, c] of Object.entries(local)) {
      const t = (state.counts[k] ??= { created: 0, updated: 0, unchanged: 0 });
      t.created += c.created;
      t.updated += c.updated;
      t.unchanged += c.unchanged;
    }
  };
  await commit(extras, 'nodes');
  await commit(extras, 'rels');
  const silentOpts = { ...readerOpts, onBytes: undefined };
  for (const what of ['nodes', 'rels'] as const) {
    progress.start(`write ${what}`, totalBytes(files), 'bytes');
    let batch: RowItem[] = [];
    for (const file of files) {
      for await (const item of reader.read(file, { ...silentOpts, onBytes: (n) => progress.add(n) })) {
        // Validated in the first pass: an error now means the file changed on disk since.
        if (item.errors.length > 0) throw new Error(`${item.file}:${item.line} changed after validation (${item.errors[0]})`);
        batch.push(item);
        if (batch.length >= batchSize) {
          await commit(batch, what);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await commit(batch, what);
    progress.stop();
  }
}
