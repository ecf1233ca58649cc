/**
 * Curated records given as objects rather than a file (curation's proposals and approvals,
 * src/domain/curation/): validated by the very function that validates a `.jsonl` line, and
 * imported by writing them as one `.jsonl` file and running `runImport` on it, so applying a change
 * set IS importing its records (same checks, ownership, idempotency, provenance). Errors come back
 * per record (its index in the list) instead of per line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../neo4j/database';
import { emptyItem } from './build';
import { ImportOptions, ImportReport, runImport } from './index';
import { parseCuratedLine } from './readers/curated';

export interface RecordError {
  /** The record's index in the list. */
  index: number;
  message: string;
}

/** The field errors of one record, as `tradegraph import` reports them for its line (`excerpts: ...`). */
export function recordErrors(record: unknown): string[] {
  return parseCuratedLine(JSON.stringify(record), emptyItem('record', 1)).errors;
}

export interface RecordsImport {
  report: ImportReport;
  errors: RecordError[];
}

/** Imports `records` as one curated file (in list order); with `dryRun`, validates against the graph only. */
export async function importRecords(db: Database, records: readonly unknown[], opts: Pick<ImportOptions, 'dryRun' | 'inTransaction'> = {}): Promise<RecordsImport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-records-'));
  const file = path.join(dir, 'records.jsonl');
  try {
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const report = await runImport(db, { format: 'curated', paths: [file], ...opts });
    // Line n of the file is record n-1; line 0 is the import as a whole (a write failure).
    const errors = report.errors.map((e) => ({ index: e.line - 1, message: e.message.replaceAll(file, 'records') }));
    return { report, errors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
