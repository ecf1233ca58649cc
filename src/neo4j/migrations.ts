/**
 * Applies `cypher/migrations/NNN_name.cypher` in order, each exactly once.
 *
 * Each applied migration is recorded as `(:Migration {id, checksum, appliedAt})` in the graph, so
 * `migrate` is idempotent and every start-up can run it. A recorded migration whose file has since
 * changed is an error: migrations are append-only, and silently skipping an edit would leave
 * databases that differ.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Database } from './database';
import { ensureModelSchema } from './model-schema';
import { PROJECT_ROOT, splitStatements } from './queries';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'cypher', 'migrations');

export interface Migration {
  id: string; // file name without extension, e.g. 001_unique_ids
  checksum: string;
  statements: string[];
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        id: file.replace(/\.cypher$/, ''),
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

async function recordedMigrations(db: Database): Promise<Map<string, string>> {
  const rows = await db.read<{ id: string; checksum: string }>(
    'MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum',
  );
  return new Map(rows.map((r) => [r.id, r.checksum]));
}

export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<MigrationResult> {
  const recorded = await recordedMigrations(db);
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const m of migrations) {
    const known = recorded.get(m.id);
    if (known !== undefined) {
      if (known !== m.checksum) {
        throw new MigrationError(`Migration ${m.id} was changed after it was applied; add a new migration instead`);
      }
      result.alreadyApplied.push(m.id);
      continue;
    }
    // Schema commands cannot share a transaction with data writes, so each statement runs on its own;
    // all of them are IF NOT EXISTS, which makes a half-applied migration safe to re-run.
    for (const statement of m.statements) await db.write(statement);
    await db.write('MERGE (m:Migration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()', {
      id: m.id,
      checksum: m.checksum,
    });
    result.applied.push(m.id);
  }
  await ensureModelSchema(db);
  return result;
}

/** True when every migration file has been applied (what `/ready` checks). */
export async function migrationsApplied(db: Database, migrations: Migration[] = loadMigrations()): Promise<boolean> {
  const recorded = await recordedMigrations(db);
  return migrations.every((m) => recorded.get(m.id) === m.checksum);
}
