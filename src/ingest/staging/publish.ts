/**
 * Publishing a staged run (its facts become visible) and rolling one back (its staged nodes go).
 *
 * Small runs publish in ONE transaction: entities, flows and value changes appear together, or not
 * at all. Past `oneTransactionLimit` staged nodes (a 1 GB heap cannot relabel millions at once)
 * publishing goes batch by batch; the run is marked `publishing` first, so a crash midway is seen
 * on the next start and `--resume` finishes it (every step is idempotent: what was relabeled is no
 * longer staged). Either way nothing of the run was visible before publishing started.
 */
import type { Database } from '../../neo4j/database';
import { setRunStatus } from './runs';
import { stagingQueries } from './queries';

export const DEFAULT_ONE_TRANSACTION_LIMIT = 200_000;
/** Flows relabeled per inner transaction when publishing in batches. */
const PUBLISH_BATCH_ROWS = 20_000;

export async function countStaged(db: Database): Promise<number> {
  const rows = await db.read<{ n: number }>('MATCH (n) WHERE n:StagedFact OR n:StagedUpdate OR n:StagedEntity RETURN count(n) AS n');
  return rows[0]?.n ?? 0;
}

export async function publishRun(db: Database, runId: string, fields: Record<string, unknown>, oneTransactionLimit = DEFAULT_ONE_TRANSACTION_LIMIT): Promise<'one transaction' | 'batches'> {
  const q = stagingQueries();
  const staged = await countStaged(db);
  const done = { ...fields, finishedAt: new Date().toISOString() };
  if (staged <= oneTransactionLimit) {
    await db.executeWrite(async (tx) => {
      for (const query of q.publishEntities) await tx.run(query);
      await tx.run(q.publishFlows());
      await tx.run(q.publishUpdates());
      await tx.run(q.runStatus, { id: runId, status: 'published', fields: done });
    });
    return 'one transaction';
  }
  await setRunStatus(db, runId, 'publishing');
  await db.executeWrite(async (tx) => {
    for (const query of q.publishEntities) await tx.run(query);
  });
  // Inner transactions no larger than one publishing transaction may be.
  const rows = Math.max(1, Math.min(PUBLISH_BATCH_ROWS, oneTransactionLimit));
  await db.autoCommit(q.publishFlows(rows));
  await db.autoCommit(q.publishUpdates(rows));
  await setRunStatus(db, runId, 'published', done);
  return 'batches';
}

/** Deletes everything the run staged and marks it rolled back. Live data is untouched. */
export async function rollbackRun(db: Database, runId: string, reason: string): Promise<void> {
  const q = stagingQueries();
  for (const query of q.rollback) await db.autoCommit(query);
  await setRunStatus(db, runId, 'rolled-back', { finishedAt: new Date().toISOString(), reason });
}
