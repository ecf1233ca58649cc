/**
 * The schema the model implies (src/model.ts), ensured after the migrations on every start-up:
 * the `id` uniqueness constraint of every label nodes are merged on, and the full-text index over
 * the names of every `searchable` kind. A node kind added to the model gets both without a migration
 * of its own. What exists is read first (two SHOW queries), so a start-up on a current database
 * writes nothing.
 */
import { MERGE_LABELS, SEARCHABLE_LABELS } from '../model';
import type { Database } from './database';
import { labelSlot, QueryCatalog } from './queries';

export interface ModelSchemaResult {
  /** Labels whose id constraint was created now. */
  constrained: string[];
  /** True when the full-text index was (re)created now. */
  searchIndexCreated: boolean;
}

export async function ensureModelSchema(db: Database, catalog: QueryCatalog = new QueryCatalog()): Promise<ModelSchemaResult> {
  const have = new Set((await db.read<{ label: string }>(catalog.get('model/id-constraints'))).map((r) => r.label));
  const constrained = MERGE_LABELS.filter((l) => !have.has(l));
  for (const label of constrained) await db.write(catalog.render('model/id-constraint', { LABEL: labelSlot(label) }));

  const [index] = await db.read<{ labels: string[] }>(catalog.get('model/search-index-labels'));
  const current = [...(index?.labels ?? [])].sort().join('|');
  const wanted = [...SEARCHABLE_LABELS].sort().join('|');
  if (index !== undefined && current === wanted) return { constrained, searchIndexCreated: false };
  if (index !== undefined) await db.write(catalog.get('model/drop-search-index'));
  await db.write(catalog.get('model/search-index'));
  return { constrained, searchIndexCreated: true };
}
