/**
 * Import runs recorded in the graph: `(:ImportRun {id, status, format, files, checksums, options,
 * stagedFile, stagedLine, counts, startedAt, finishedAt})`. Status goes staging -> publishing ->
 * published, or -> rolled-back. An unfinished run (staging or publishing) has `active: true`, and
 * a uniqueness constraint on `active` (migration 005) keeps it the only one.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../neo4j/database';
import { stagingQueries } from './queries';

export type RunStatus = 'staging' | 'publishing' | 'published' | 'rolled-back';

export interface RunRecord {
  id: string;
  status: RunStatus;
  format: string;
  files: string[];
  checksums: string[];
  /** JSON of the options the run was started with (resuming reuses them). */
  options: string;
  /** The last staged row: file index and line (-1 / 0 before the first batch). */
  stagedFile: number;
  stagedLine: number;
  /** JSON of the counts so far. */
  counts?: string;
  startedAt: string;
}

export function newRunId(): string {
  return `run-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomUUID().slice(0, 8)}`;
}

export async function unfinishedRun(db: Database): Promise<RunRecord | undefined> {
  const rows = await db.read<{ run: RunRecord }>(stagingQueries().runUnfinished);
  return rows[0]?.run;
}

/** Records a new run; undefined when another run is unfinished (the constraint refused it). */
export async function startRun(db: Database, run: Omit<RunRecord, 'status' | 'stagedFile' | 'stagedLine'>): Promise<boolean> {
  try {
    await db.write(stagingQueries().runStart, { run });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return false;
    throw err;
  }
}

export async function setRunStatus(db: Database, id: string, status: RunStatus, fields: Record<string, unknown> = {}): Promise<void> {
  await db.write(stagingQueries().runStatus, { id, status, fields });
}

/** One line about an unfinished run, naming the two commands that finish it. */
export function describeUnfinished(run: RunRecord): string {
  return (
    `import run ${run.id} (${run.format}, ${run.files.length} file(s), started ${run.startedAt}) did not finish (status ${run.status}): ` +
    `run \`tradegraph import --resume\` to complete it or \`tradegraph import --rollback\` to discard it`
  );
}
