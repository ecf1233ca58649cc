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
import { parseCuratedLine, schemaKeys, TABLES } from './readers/curated';
import { RECORD_SCHEMAS } from './readers/curated-schema';

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

/** A node as curation reads it (src/domain/curation/state.ts): labels, properties, relationships. */
export interface NodeState {
  labels: string[];
  props: Record<string, unknown>;
  rels: { type: string; dir: 'out' | 'in'; other: string; props: Record<string, unknown> }[];
}

const NOT_FIELDS = new Set(['type', 'id', 'excerpts']);

/**
 * The curated record that states a node as it is now (the inverse of the record's table in
 * readers/curated.ts): the starting point of a correction, since a record owns every property and
 * field relationship it can carry, and one that leaves a field out removes it. Relationships a
 * `link` stated are not the record's. Undefined for nodes no record type writes.
 */
export function draftRecord(state: NodeState): Record<string, unknown> | undefined {
  const isHs = 'hsCode' in state.props;
  const entry = Object.entries(TABLES).find(([type, t]) => state.labels.includes(t.label) && (t.label !== 'Product' || (type === 'hs') === isHs));
  if (!entry) return undefined;
  const [type, table] = entry as [keyof typeof TABLES, (typeof TABLES)[keyof typeof TABLES]];
  const relFields = [...(table.fields ?? []), ...(table.added ?? [])];
  const out: Record<string, unknown> = { type, id: state.props.id };
  for (const k of schemaKeys(RECORD_SCHEMAS[type])) {
    if (NOT_FIELDS.has(k) || relFields.some((f) => f.field === k)) continue;
    const stored = state.props[table.rename?.[k] ?? k];
    if (stored !== undefined && stored !== null) out[k] = stored;
  }
  const own = state.rels.filter((r) => r.props.statedByLink !== true);
  for (const f of relFields) {
    const ends = own.filter((r) => r.type === f.type && r.dir === (f.direction === 'in' ? 'in' : 'out')).map((r) => r.other);
    if (ends.length > 0) out[f.field] = ends.length === 1 ? ends[0] : ends;
  }
  if (table.stated !== false) out.excerpts = own.filter((r) => r.type === 'STATED_IN' && r.dir === 'out').map((r) => r.other);
  return out;
}
