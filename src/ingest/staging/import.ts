/**
 * A staged import of UN Comtrade files: one streamed pass reads, validates and stages the rows at
 * the same time, then the run is published (or rolled back), so that:
 *
 * - **atomic at any size**: staged rows are StagedFact / StagedUpdate / StagedEntity nodes, which no
 *   API query sees; a failed, rejected or killed run leaves the API answering what it answered
 *   before (see publish.ts for the publishing step);
 * - **resumable**: the run is recorded in the graph (`ImportRun`, runs.ts) with its files'
 *   checksums and, in the same transaction as each staged batch, the last staged row; `--resume`
 *   reads the files again (checking the checksums), validates everything again and stages only
 *   what follows that row; `--rollback` deletes what was staged;
 * - **fast**: one pass, batches written while the next batch is parsed (at most one batch in
 *   flight), endpoints looked up once per import (element ids), and a row that already says the
 *   same writes nothing;
 * - **bad rows**: by default one rejected row rejects the run (rolled back, nothing visible); with
 *   `maxErrors` up to that many rejected rows are left out, and `rejects` writes each with its line
 *   and reason. Identical messages are grouped in the report.
 */
import { INCREMENTAL_LIMIT, Touched } from '../../neo4j/aggregates';
import type { Database } from '../../neo4j/database';
import { ImportChecks } from '../checks';
import { MessageList } from '../errors';
import { fileChecksum, totalBytes } from '../files';
import { Progress } from '../progress';
import { RejectsFile } from '../rejects';
import { comtradeSourceIds } from '../readers/comtrade';
import type { Reader, ReaderOptions } from '../readers/reader';
import type { RowItem, Where } from '../types';
import { Counts, addCount, toNeo4j } from '../writer';
import { AGGREGATE_SKIP, CommodityLevels, DETAIL_SKIP } from './aggregates';
import { EntityStager } from './entities';
import { PublishTooLargeError, publishRun, rollbackRun } from './publish';
import neo4j from 'neo4j-driver';
import { FLOW_PROPS, stagingQueries } from './queries';
import { RunRecord, describeUnfinished, newRunId, setRunStatus, startRun, unfinishedRun } from './runs';

export interface StagedOptions {
  files: string[];
  format: string;
  readerOpts: ReaderOptions;
  reader: Reader;
  dryRun: boolean;
  createMissing: boolean;
  batchSize: number;
  /** Rejected rows tolerated before the run is rejected (0: all or nothing). */
  maxErrors: number;
  rejects?: string;
  listErrors?: number;
  memoryKeys?: number;
  oneTransactionLimit?: number;
  /** Publish in batches (visible in part while it runs) rather than in one transaction (publish.ts). */
  publishInBatches?: boolean;
  progress: Progress;
  /** The options to record on the run (JSON), for --resume. */
  recordOptions: Record<string, unknown>;
  /** Resume this unfinished run instead of starting one. */
  resume?: RunRecord;
  /**
   * Bulk files instead of the graph (`import --initial`, an empty database): the validated rows go
   * to the sink, nothing is written to Neo4j, no run is recorded here (the caller records it).
   */
  sink?: RowSink;
  log?: { info(m: string): void; warn(m: string): void };
}

/** Where a bulk load's validated rows go (initial/bulk-files.ts). */
export interface RowSink {
  /** The run's id (flows carry it as `importRun`). */
  readonly runId: string;
  /** A batch of valid, checked flow items; their endpoints are resolvable (created by the run). */
  flows(items: (RowItem & { fileIndex: number })[]): Promise<void>;
  /** Rows found to repeat an earlier row only after the pass: what was written for them goes ("fileIndex:line"). */
  drop(at: Set<string>): Promise<void>;
  /** After a valid pass: the nodes the run creates besides its flows (Sources, Excerpts, regions, HS codes), dependencies first. */
  entities(items: RowItem[]): Promise<void>;
}

export interface StagedResult {
  runId?: string;
  rows: number;
  rejected: number;
  counts: Counts;
  skipped: Record<string, number>;
  errors: MessageList;
  notices: MessageList;
  /** Published (or, for a dry run, would be). */
  ok: boolean;
  /** What happened to the run. */
  /** `collected`: a bulk load's rows are valid and in its sink (nothing written to the graph yet). */
  /** `staged`: complete and invisible, but too large for one publishing transaction of this server (publish.ts). */
  outcome: 'published' | 'rolled-back' | 'dry-run' | 'refused' | 'interrupted' | 'collected' | 'staged';
  publishedIn?: 'one transaction' | 'batches';
  resumed: boolean;
  rejectsFile?: string;
  /**
   * Published: what the run wrote, for the incremental aggregates refresh (src/neo4j/aggregates.ts);
   * undefined when that is not known (a run resumed after part of it was published in batches).
   */
  touched?: { flows: Touched; entities: Touched };
}

const REL_TYPES = ['FROM', 'TO', 'REPORTED_BY', 'OF_PRODUCT', 'STATED_IN'] as const;
/** Valid items resolved and converted at a time (staging batches are `batchSize` rows of them). */
const CHUNK_ROWS = 1000;

interface StageRow {
  id: string;
  /** Every property the row owns (null = absent), sourceRow included. */
  props: Record<string, unknown>;
  from: string;
  to: string;
  reporter: string;
  product: string;
  excerpt: string;
}

/** A live flow as existing-flows.cypher returns it. */
interface LiveFlow {
  isFlow: boolean;
  props: Record<string, unknown>;
  from: string[];
  to: string[];
  reporter: string[];
  product: string[];
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const plain = (v: unknown): unknown => (v === undefined || v === null ? null : neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : v);

/**
 * Whether the live flow already says what the row says: the properties a row owns (sourceRow aside:
 * a flow that moved to another line of a file still says the same) and the four endpoints. Then
 * nothing is written and it keeps citing the file version that states this value.
 */
export function sameFlow(old: LiveFlow, row: StageRow): boolean {
  if (!old.isFlow) return false;
  for (const k of FLOW_PROPS) if (plain(old.props[k]) !== plain(row.props[k])) return false;
  const one = (ids: string[], id: string): boolean => ids.length === 1 && ids[0] === id;
  return one(old.from, row.from) && one(old.to, row.to) && one(old.reporter, row.reporter) && one(old.product, row.product);
}

export class StagedImport {
  private readonly errors: MessageList;
  private readonly notices = new MessageList();
  private readonly skipped: Record<string, number> = {};
  private readonly checks: ImportChecks;
  private readonly rejects?: RejectsFile;
  private readonly runId: string;
  private entities!: EntityStager;
  private counts: Counts = {};
  private rows = 0;
  private rejected = 0;
  /** Errors that reject the run whatever maxErrors says (a bad header, a missing reference, a write failure). */
  private fatal = false;
  /** Valid items not yet resolved (a small chunk: they die young, so the garbage collector stays cheap). */
  private batch: RowItem[] = [];
  /** Resolved rows of the next staging transaction (compact: properties and element ids only). */
  private rowsOut: StageRow[] = [];
  /** The last row in rowsOut (the run's checkpoint when they commit). */
  private lastOut?: { fileIndex: number; line: number };
  private inFlight?: Promise<void>;
  private writeError?: unknown;
  private fileIndex = 0;
  private readonly levels = new CommodityLevels();

  constructor(
    private readonly db: Database,
    private readonly o: StagedOptions,
  ) {
    this.errors = new MessageList(o.listErrors);
    this.checks = new ImportChecks(o.memoryKeys);
    if (o.rejects) this.rejects = new RejectsFile(o.rejects);
    this.runId = o.resume?.id ?? o.sink?.runId ?? newRunId();
  }

  dispose(): void {
    this.checks.dispose();
    this.rejects?.close();
  }

  async execute(): Promise<StagedResult> {
    const resumed = !!this.o.resume;
    const result = (outcome: StagedResult['outcome'], publishedIn?: StagedResult['publishedIn']): StagedResult => ({
      runId: this.o.dryRun ? undefined : this.runId,
      rows: this.rows,
      rejected: this.rejected,
      counts: this.counts,
      skipped: this.skipped,
      errors: this.errors,
      notices: this.notices,
      outcome,
      ok: outcome === 'published' || outcome === 'collected' || (outcome === 'dry-run' && !this.failed()),
      publishedIn,
      resumed,
      rejectsFile: this.o.rejects,
    });
    const checksums = this.o.files.map((f) => fileChecksum(f));
    if (!this.o.dryRun && !this.o.sink) {
      if (this.o.resume) {
        const changed = this.o.files.filter((f, i) => this.o.resume!.checksums[i] !== checksums[i]);
        if (changed.length > 0) {
          this.errors.add(changed[0]!, 0, `changed since run ${this.runId} started (its checksum differs): it cannot be resumed; \`tradegraph import --rollback\` discards the run`);
          return result('refused');
        }
        this.counts = JSON.parse(this.o.resume.counts ?? '{}') as Counts;
        if (this.o.resume.status === 'publishing') return this.publish(result, true); // begun in batches: finished so
      } else {
        const started = await startRun(this.db, {
          id: this.runId,
          format: this.o.format,
          files: this.o.files,
          checksums,
          options: JSON.stringify(this.o.recordOptions),
          startedAt: new Date().toISOString(),
        });
        if (!started) {
          const other = await unfinishedRun(this.db);
          this.errors.add(this.o.files[0] ?? '', 0, other ? describeUnfinished(other) : 'another import run is unfinished');
          return result('refused');
        }
      }
    }
    this.entities = new EntityStager(this.db, this.runId, this.o.reader, this.o.createMissing, this.o.dryRun, this.o.sink ? 'collect' : 'graph');
    const t0 = Date.now();
    try {
      await this.readAll();
      await this.lateDuplicates();
      await this.coveredAggregates();
      this.o.log?.info(`${this.o.sink ? 'validated' : this.o.dryRun ? 'validated (dry run)' : 'read, validated and staged'} ${this.rows.toLocaleString('en-US')} rows in ${seconds(t0)}`);
    } catch (err) {
      this.fatal = true;
      this.errors.add(this.o.files[0] ?? '', 0, `writing failed: ${(err as Error).message ?? String(err)}`);
    }
    if (this.o.dryRun) return result('dry-run');
    if (this.o.sink) {
      if (this.failed()) return result('rolled-back');
      await this.o.sink.entities(this.entities.collected);
      return result('collected');
    }
    if (this.failed()) {
      await rollbackRun(this.db, this.runId, `${this.errors.total} error(s)`);
      return result('rolled-back');
    }
    return this.publish(result);
  }

  /**
   * What publishing will write, read just before: the live flows whose value it changes (their
   * trader, if any, is in concentration summaries; their source moves to this run's file version)
   * and the entities it creates (new regions, HS codes, Sources, Excerpts: only sort keys are theirs
   * to change, since only the run's new flows, with no trader and one source, reach them). New
   * flows themselves change no summary (no trader) and are staged with their source count (1).
   */
  private async touchedEntities(): Promise<{ flows: Touched; entities: Touched }> {
    const [row] = await this.db.read<{ updated: string[]; entities: { label: string; ids: string[] }[] }>(stagingQueries().stagedTouched, { limit: neo4j.int(INCREMENTAL_LIMIT + 1) });
    const entities: Touched = {};
    for (const r of row?.entities ?? []) entities[r.label] = r.ids;
    return { flows: { Fact: row?.updated ?? [] }, entities };
  }

  private async publish(result: (o: StagedResult['outcome'], p?: StagedResult['publishedIn']) => StagedResult, inBatches = !!this.o.publishInBatches): Promise<StagedResult> {
    try {
      const fields = { counts: JSON.stringify(this.counts), rows: this.rows, rejected: this.rejected };
      const t0 = Date.now();
      // Before publishing: afterwards they are no longer told apart from the graph's entities.
      const touched = inBatches && this.o.resume?.status === 'publishing' ? undefined : await this.touchedEntities();
      const how = await publishRun(this.db, this.runId, fields, { oneTransactionLimit: this.o.oneTransactionLimit, inBatches });
      this.o.log?.info(`run ${this.runId} published (${how}) in ${seconds(t0)}`);
      return { ...result('published', how), touched };
    } catch (err) {
      this.fatal = true;
      if (err instanceof PublishTooLargeError) {
        this.errors.add(this.o.files[0] ?? '', 0, err.message);
        return result('staged');
      }
      this.errors.add(
        this.o.files[0] ?? '',
        0,
        `publishing run ${this.runId} failed: ${(err as Error).message ?? String(err)}. ` +
          (inBatches
            ? 'It was being published in batches, so part of it is visible; `tradegraph import --resume` completes it'
            : 'Nothing of it is visible (one transaction); `tradegraph import --resume` publishes it, `tradegraph import --rollback` discards it'),
      );
      return result('interrupted');
    }
  }

  private failed(): boolean {
    return this.fatal || this.rejected > this.o.maxErrors;
  }

  /** Rows up to this place were staged by the run being resumed. */
  private alreadyStaged(at: Where): boolean {
    const r = this.o.resume;
    if (!r) return false;
    return this.fileIndex < r.stagedFile || (this.fileIndex === r.stagedFile && at.line <= r.stagedLine);
  }

  private reject(item: RowItem, problems: string[]): void {
    this.rejected += 1;
    for (const p of problems) this.errors.add(item.file, item.line, p);
    this.rejects?.add(item.file, item.line, problems, item.raw);
  }

  private async readAll(): Promise<void> {
    this.o.progress.start(this.o.dryRun ? 'validate' : 'import', totalBytes(this.o.files), 'bytes');
    for (let fi = 0; fi < this.o.files.length; fi++) {
      this.fileIndex = fi;
      const file = this.o.files[fi]!;
      this.o.log?.info(`reading ${file}`);
      for await (const item of this.o.reader.read(file, this.o.readerOpts)) {
        if (item.line > 0 && !item.fatal) this.rows += 1;
        for (const n of item.notices ?? []) this.notices.add(item.file, item.line, n);
        if (item.skip) {
          this.skipped[item.skip] = (this.skipped[item.skip] ?? 0) + 1;
          continue;
        }
        if (item.errors.length > 0) {
          if (item.fatal) {
            this.fatal = true;
            for (const p of item.errors) this.errors.add(item.file, item.line, p);
          } else this.reject(item, item.errors);
          continue;
        }
        const { status, errors } = this.checks.add(item, { references: false });
        if (status === 'repeat') continue;
        if (status === 'conflict') {
          this.reject(item, errors);
          continue;
        }
        this.levels.add(item);
        if (this.failed() || this.alreadyStaged(item)) continue;
        (item as RowItem & { fileIndex?: number }).fileIndex = fi;
        this.batch.push(item);
        if (this.batch.length >= Math.min(CHUNK_ROWS, this.o.batchSize)) await this.chunk();
      }
      if (this.writeError) break;
    }
    await this.chunk();
    await this.flush();
    await this.inFlight;
    this.o.progress.stop();
    if (this.writeError) throw this.writeError;
  }

  /**
   * Resolves a chunk of valid items (their endpoints' element ids, staging the entities the run
   * creates) and turns them into compact rows; a full batch of rows is written while reading goes on.
   */
  private async chunk(): Promise<void> {
    const items = this.batch;
    this.batch = [];
    if (items.length === 0 || this.failed()) return;
    const firstRef = new Map<string, Where>();
    for (const i of items) for (const r of i.rels) if (!firstRef.has(r.toId)) firstRef.set(r.toId, i);
    const unresolved = await this.entities.ensure(firstRef.keys(), (id) => firstRef.get(id)!);
    for (const u of unresolved) {
      this.fatal = true;
      const hint = this.o.createMissing ? '' : '; pass createMissing (--create-missing) to create it';
      this.errors.add(u.file, u.line, `${u.id} is neither defined in the import nor in the graph${hint}`);
    }
    if (this.failed() || this.o.dryRun) return;
    if (this.o.sink) return this.toSink(items as (RowItem & { fileIndex: number })[]);
    for (const i of items) this.rowsOut.push(this.row(i));
    const last = items[items.length - 1] as RowItem & { fileIndex: number };
    this.lastOut = { fileIndex: last.fileIndex, line: last.line };
    if (this.rowsOut.length >= this.o.batchSize) await this.flush();
  }

  /** Starts writing the pending rows once the previous batch is committed (one batch in flight). */
  private async flush(): Promise<void> {
    const rows = this.rowsOut;
    const last = this.lastOut;
    this.rowsOut = [];
    await this.inFlight;
    if (this.writeError) throw this.writeError;
    if (rows.length === 0 || !last || this.failed()) return;
    this.inFlight = this.write(rows, last).catch((err: unknown) => {
      this.writeError = err;
    });
  }

  private async write(rows: StageRow[], last: { fileIndex: number; line: number }): Promise<void> {
    const q = stagingQueries();
    // Entities staged until now are counted in this batch's checkpoint (those staged while it is in flight, in the next).
    const entities = { ...this.entities.created };
    const committed = await this.db.executeWrite(async (tx) => {
      const local: Counts = JSON.parse(JSON.stringify(this.counts)) as Counts; // fresh per attempt: the driver may retry
      // Which rows are new, which say what the live flow says, which change it.
      const found = await tx.run(q.existingFlows, { ids: rows.map((r) => r.id) });
      const live = new Map(found.records.map((r) => [r.get('id') as string, r.toObject() as LiveFlow]));
      const fresh: StageRow[] = [];
      const changed: StageRow[] = [];
      for (const row of rows) {
        const old = live.get(row.id);
        if (!old) fresh.push(row);
        else if (!sameFlow(old, row)) changed.push(row);
      }
      if (fresh.length > 0) await tx.run(q.stageNewFlows, { rows: fresh, run: this.runId });
      if (changed.length > 0) await tx.run(q.stageUpdates, { rows: changed, run: this.runId });
      const outcomes = { created: fresh.length, updated: changed.length, unchanged: rows.length - fresh.length - changed.length };
      for (const [outcome, n] of Object.entries(outcomes)) {
        addCount(local, 'TradeFlow', outcome, n);
        for (const type of REL_TYPES) addCount(local, type, outcome, n);
      }
      for (const [label, n] of Object.entries(entities)) addCount(local, label, 'created', n);
      await tx.run(q.runCheckpoint, { id: this.runId, file: last.fileIndex, line: last.line, counts: JSON.stringify(local), now: new Date().toISOString() });
      return local;
    });
    this.counts = committed;
    for (const [label, n] of Object.entries(entities)) this.entities.created[label]! -= n;
  }

  /** A bulk load's batch: to the sink, counted as created (the database is empty). */
  private async toSink(items: (RowItem & { fileIndex: number })[]): Promise<void> {
    await this.o.sink!.flows(items);
    addCount(this.counts, 'TradeFlow', 'created', items.length);
    for (const type of REL_TYPES) addCount(this.counts, type, 'created', items.length);
    for (const [label, n] of Object.entries(this.entities.created)) addCount(this.counts, label, 'created', n);
    for (const label of Object.keys(this.entities.created)) this.entities.created[label] = 0;
  }

  /** The staging queries' row for one flow item: its own properties and its endpoints' element ids. */
  private row(item: RowItem): StageRow {
    const node = item.nodes[0]!;
    const end = (type: string): string => this.entities.eid(item.rels.find((r) => r.type === type)!.toId)!;
    return {
      id: node.id,
      props: toNeo4j(node.props, node.owned),
      from: end('FROM'),
      to: end('TO'),
      reporter: end('REPORTED_BY'),
      product: end('OF_PRODUCT'),
      excerpt: end('STATED_IN'),
    };
  }

  /** Duplicates found only after the pass (keys spilled to disk): conflicts are rejected rows, and what was staged for later copies goes. */
  private async lateDuplicates(): Promise<void> {
    const { conflicts, repeats } = await this.checks.finishLate();
    for (const c of conflicts) {
      this.rejected += 1;
      this.errors.add(c.file, c.line, c.message);
      this.rejects?.add(c.file, c.line, [c.message], undefined);
    }
    await this.dropStaged([...conflicts, ...repeats]);
  }

  /** Rows at several commodity levels: skipped where a coarse row and its detail would both count (aggregates.ts). */
  private async coveredAggregates(): Promise<void> {
    if (this.failed()) return;
    const { aggregates, details } = await this.levels.skipped(this.o.reader, this.o.files, this.o.readerOpts);
    if (aggregates.length > 0) this.skipped[AGGREGATE_SKIP] = aggregates.length;
    if (details.length > 0) this.skipped[DETAIL_SKIP] = details.length;
    // A row both above full detail and under a partial row is skipped once.
    const rows = new Map([...aggregates, ...details].map((w) => [`${w.file}:${w.line}`, w]));
    await this.dropStaged([...rows.values()]);
  }

  /** Takes back what was staged (or sent to the bulk files) for these rows, and their counts. */
  private async dropStaged(rows: Where[]): Promise<void> {
    if (rows.length === 0 || this.o.dryRun) return;
    if (this.o.sink) {
      const at = new Set(rows.map((c) => `${this.o.files.indexOf(c.file)}:${c.line}`));
      await this.o.sink.drop(at);
      for (const key of ['TradeFlow', ...REL_TYPES]) if (this.counts[key]) this.counts[key].created -= at.size;
      return;
    }
    // A staged row is its file version's excerpt and its line (sourceRow).
    const excerpts = new Map<string, string>();
    const excerpt = (file: string): string => {
      if (!excerpts.has(file)) excerpts.set(file, this.entities.eid(comtradeSourceIds(file).excerpt) ?? '');
      return excerpts.get(file)!;
    };
    const at = rows.map((c) => `${excerpt(c.file)} ${c.line}`);
    const dropped = await this.db.write<{ outcome: string; count: number }>(stagingQueries().dropStagedRows, { at, run: this.runId });
    for (const d of dropped) {
      for (const key of ['TradeFlow', ...REL_TYPES]) {
        const c = this.counts[key];
        if (c && (d.outcome === 'created' || d.outcome === 'updated')) c[d.outcome] -= Number(d.count);
      }
    }
    await setRunStatus(this.db, this.runId, 'staging', { counts: JSON.stringify(this.counts) });
  }
}
