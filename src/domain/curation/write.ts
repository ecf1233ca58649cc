/**
 * A curation write: takes the change counter's lock first (curation writes run one at a time,
 * across every replica: the lock is in the graph), then records one Change per entity whose state
 * differs afterwards, numbered on from the counter, in the same transaction as the change itself.
 */
import neo4j, { ManagedTransaction } from 'neo4j-driver';
import { run } from '../../neo4j/database';
import type { QueryCatalog } from '../../neo4j/queries';
import type { ChangeAction } from './change.type';
import { diff, EntityDiff, EntityState, snapshot, txRead } from './state';

export interface ChangeMeta {
  action: ChangeAction;
  changeSet: string | null;
  author: string;
  reviewer: string;
  reason: string | null;
}

export interface Locked {
  /** The seq of the last change recorded before this write. */
  lastSeq: number;
  before: Map<string, EntityState>;
}

export async function lockAndRead(tx: ManagedTransaction, queries: QueryCatalog, ids: string[]): Promise<Locked> {
  const [row] = await run<{ seq: number }>(tx, queries.get('curation/lock'));
  const before = await snapshot(txRead(tx), queries, ids);
  return { lastSeq: Number(row!.seq), before };
}

/** Records what changed among `ids` since `locked.before`; returns the diffs with their seqs. */
export async function recordChanges(tx: ManagedTransaction, queries: QueryCatalog, locked: Locked, ids: string[], meta: ChangeMeta): Promise<(EntityDiff & { seq: number })[]> {
  const after = await snapshot(txRead(tx), queries, ids);
  const diffs = ids.map((id) => diff(locked.before.get(id), after.get(id), id)).filter((d): d is EntityDiff => d !== undefined);
  const out = diffs.map((d, i) => ({ ...d, seq: locked.lastSeq + 1 + i }));
  if (out.length === 0) return out;
  const changes = out.map((d) => ({
    seq: neo4j.int(d.seq),
    entity: d.entity,
    ...meta,
    before: JSON.stringify(d.before),
    after: JSON.stringify(d.after),
    relsAdded: JSON.stringify(d.relsAdded),
    relsRemoved: JSON.stringify(d.relsRemoved),
  }));
  await run(tx, queries.get('curation/record-changes'), { changes });
  await run(tx, queries.get('curation/advance'), { seq: neo4j.int(out[out.length - 1]!.seq) });
  return out;
}
