/**
 * Publishing a staged run (its facts become visible) and rolling one back (its staged nodes go).
 *
 * A run is published in ONE transaction, whatever its size: entities, flows and value changes
 * appear together, or not at all, so a kill at any moment leaves the API answering what it answered
 * before (or all of the run, once that transaction committed). What limits it is the server's
 * transaction memory: relabeling a staged flow costs about 1.9 KB of transaction state (measured on
 * Neo4j 5.26 with SHOW TRANSACTIONS: 1,845-1,992 B per flow at 20,000 and 100,000 flows; most of it
 * is the tx state of a changed node and the index entries its new labels add), a value change more.
 * Before publishing, the staged nodes are counted and the need compared with the server's limits
 * (`db.memory.transaction.max`, `db.memory.transaction.total.max`, `dbms.memory.transaction.total.max`,
 * by default 70% of the heap); a run that does not fit (or whose transaction the server refuses
 * for memory) is NOT published: it stays staged, invisible, and the error says what to raise
 * (NEO4J_HEAP for the managed Neo4j; the heap or those settings for another server) before
 * `tradegraph import --resume` publishes it.
 *
 * Publishing in batches (`publishInBatches`, CLI `--publish-in-batches`) is the explicit way out
 * when memory cannot be raised: the run is marked `publishing`, then relabeled 20,000 flows per
 * transaction, so the API sees it in part until the last batch (a crash midway is finished by
 * `--resume`: every step is idempotent). It is never chosen silently.
 */
import type { Database } from '../../neo4j/database';
import { setRunStatus } from './runs';
import { stagingQueries } from './queries';

/** Transaction state per staged node when publishing (measured, see above), with some margin. */
export const PUBLISH_BYTES = { flow: 2_100, update: 6_000, entity: 2_100 } as const;
/** Share of the server's transaction memory limit one publishing transaction may plan to use. */
const LIMIT_SHARE = 0.85;
/** Flows relabeled per inner transaction when publishing in batches. */
const PUBLISH_BATCH_ROWS = 20_000;

export interface StagedCounts {
  flows: number;
  updates: number;
  entities: number;
}

export async function countStaged(db: Database): Promise<StagedCounts> {
  const [r] = await db.read<StagedCounts>(
    'CALL () { MATCH (n:StagedFact) RETURN count(n) AS flows } CALL () { MATCH (n:StagedUpdate) RETURN count(n) AS updates } CALL () { MATCH (n:StagedEntity) RETURN count(n) AS entities } RETURN flows, updates, entities',
  );
  return r ?? { flows: 0, updates: 0, entities: 0 };
}

const total = (c: StagedCounts): number => c.flows + c.updates + c.entities;
const needed = (c: StagedCounts): number => c.flows * PUBLISH_BYTES.flow + c.updates * PUBLISH_BYTES.update + c.entities * PUBLISH_BYTES.entity;

/** "1.40GiB", "512.00MiB", "0B" (SHOW SETTINGS), or "700m", "2g" (neo4j.conf) -> bytes; 0 = no limit (or unreadable). */
export function parseByteSize(v: string | null | undefined): number {
  const m = /^([\d.]+)\s*([kmgt]?)(?:i?b)?$/i.exec((v ?? '').trim());
  if (!m) return 0;
  const pow = ['', 'k', 'm', 'g', 't'].indexOf(m[2]!.toLowerCase());
  return Math.round(Number(m[1]) * 1024 ** pow);
}

/** The smallest transaction memory limit the server applies (bytes; Infinity when none is set or it cannot be read). */
export async function transactionMemoryLimit(db: Database): Promise<{ bytes: number; setting?: string }> {
  try {
    const rows = await db.read<{ name: string; value: string }>(
      "SHOW SETTINGS YIELD name, value WHERE name IN ['db.memory.transaction.max', 'db.memory.transaction.total.max', 'dbms.memory.transaction.total.max'] RETURN name, value",
    );
    let best: { bytes: number; setting?: string } = { bytes: Infinity };
    for (const r of rows) {
      const bytes = parseByteSize(r.value);
      if (bytes > 0 && bytes < best.bytes) best = { bytes, setting: r.name };
    }
    return best;
  } catch {
    return { bytes: Infinity }; // no privilege to read settings: try, and let the server say
  }
}

/** A staged run that one transaction of this server cannot publish: nothing of it is visible. */
export class PublishTooLargeError extends Error {
  constructor(
    readonly runId: string,
    readonly staged: StagedCounts,
    readonly neededBytes: number,
    readonly limit: { bytes: number; setting?: string },
    cause?: string,
  ) {
    const mb = (b: number): string => `${Math.ceil(b / 2 ** 20).toLocaleString('en-US')} MB`;
    const limitText = !Number.isFinite(limit.bytes) ? "the server's transaction memory" : limit.setting?.startsWith('--') ? `the limit of ${limit.setting}` : `${mb(limit.bytes)} (${limit.setting})`;
    super(
      `run ${runId} is staged (${total(staged).toLocaleString('en-US')} nodes) but too large to be made visible in one transaction here: ` +
        `it needs about ${mb(neededBytes)} of transaction memory, more than ${limitText}${cause ? ` (${cause})` : ''}. Nothing of it is visible. ` +
        `Raise NEO4J_HEAP (the managed Neo4j; the transaction pool is 70% of it, about ${mb(neededBytes / 0.7)} needed) or the server's heap and ` +
        'db.memory.transaction.max / dbms.memory.transaction.total.max, then run `tradegraph import --resume`; ' +
        '`tradegraph import --resume --publish-in-batches` publishes it in parts instead (the API sees it in part while that runs), ' +
        'and `tradegraph import --rollback` discards it',
    );
  }
}

const isMemoryRefusal = (err: unknown): boolean => /MemoryPoolOutOfMemory|TransactionOutOfMemory|MemoryLimitExceeded|memory limit/i.test(`${(err as { code?: string }).code ?? ''} ${(err as Error).message ?? ''}`);

export interface PublishOptions {
  /** Largest run (staged nodes) to publish in one transaction; default: what the server's transaction memory holds. */
  oneTransactionLimit?: number;
  /** Publish in batches (visible in part while it runs) instead of one transaction. */
  inBatches?: boolean;
}

export async function publishRun(db: Database, runId: string, fields: Record<string, unknown>, o: PublishOptions = {}): Promise<'one transaction' | 'batches'> {
  const q = stagingQueries();
  const done = { ...fields, finishedAt: new Date().toISOString() };
  if (o.inBatches) return publishInBatches(db, runId, done);
  const staged = await countStaged(db);
  const need = needed(staged);
  const limit = o.oneTransactionLimit !== undefined
    ? { bytes: o.oneTransactionLimit * PUBLISH_BYTES.flow, setting: `--one-transaction-limit (${o.oneTransactionLimit.toLocaleString('en-US')} staged nodes)` }
    : await transactionMemoryLimit(db);
  const fits = o.oneTransactionLimit !== undefined ? total(staged) <= o.oneTransactionLimit : need <= limit.bytes * LIMIT_SHARE;
  if (!fits) throw new PublishTooLargeError(runId, staged, need, limit);
  try {
    await db.executeWrite(async (tx) => {
      for (const query of q.publishEntities) await tx.run(query);
      await tx.run(q.publishFlows());
      await tx.run(q.publishUpdates());
      await tx.run(q.runStatus, { id: runId, status: 'published', fields: done });
    });
  } catch (err) {
    if (isMemoryRefusal(err)) throw new PublishTooLargeError(runId, staged, need, limit, (err as Error).message.split('\n')[0]);
    throw err;
  }
  return 'one transaction';
}

/** The explicit, non-atomic way: mark the run `publishing`, then relabel in inner transactions. */
async function publishInBatches(db: Database, runId: string, done: Record<string, unknown>): Promise<'batches'> {
  const q = stagingQueries();
  await setRunStatus(db, runId, 'publishing');
  await db.executeWrite(async (tx) => {
    for (const query of q.publishEntities) await tx.run(query);
  });
  await db.autoCommit(q.publishFlows(PUBLISH_BATCH_ROWS));
  await db.autoCommit(q.publishUpdates(PUBLISH_BATCH_ROWS));
  await setRunStatus(db, runId, 'published', done);
  return 'batches';
}

/** Deletes everything the run staged and marks it rolled back. Live data is untouched. */
export async function rollbackRun(db: Database, runId: string, reason: string): Promise<void> {
  const q = stagingQueries();
  for (const query of q.rollback) await db.autoCommit(query);
  await setRunStatus(db, runId, 'rolled-back', { finishedAt: new Date().toISOString(), reason });
}
