/**
 * Writes upserts with batched `UNWIND $rows ... MERGE` queries: nodes before relationships, one
 * query per (label) or (type, from label, to label) and batch, inside the transaction it is given,
 * and counts what each row did (created / updated / unchanged) per label and relationship type.
 *
 * Ownership, the one rule that makes a re-import leave the graph as the records say: a statement
 * owns the properties it lists (`owned`: given ones are set, the others removed; properties it does
 * not own are left alone), and a record's claims (`RowItem.claims`) remove the relationships of a
 * field that the import no longer states. A removal counts as `updated`.
 */
import neo4j, { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database';
import { derivedRelProps } from '../model';
import { INTEGER_PROPS, NODE_LABELS, MergeLabel, NodeLabel, RelType, labelForId } from './model';
import type { IngestQueries } from './templates';
import type { NodeUpsert, Props, RelUpsert, RowItem } from './types';

export interface Outcomes {
  created: number;
  updated: number;
  unchanged: number;
}
export type Counts = Record<string, Outcomes>;

export function addCount(counts: Counts, key: string, outcome: string, n: number): void {
  const c = (counts[key] ??= { created: 0, updated: 0, unchanged: 0 });
  if (outcome === 'created' || outcome === 'updated' || outcome === 'unchanged') c[outcome] += n;
}

/**
 * The `props` parameter of a row: the given values (years, levels and row numbers as integers, not
 * the floats JS numbers become), and null for each owned property not given, which `SET +=` removes.
 */
export function toNeo4j(props: Props, owned: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of owned) if (!(k in props)) out[k] = null;
  for (const [k, v] of Object.entries(props)) out[k] = INTEGER_PROPS.has(k) && typeof v === 'number' ? neo4j.int(v) : v;
  return out;
}

/** A relationship's `props` parameter: its properties plus those the model derives from them (MEMBER_OF's years), owned alike. */
export function relToNeo4j(r: RelUpsert): Record<string, unknown> {
  const derived = derivedRelProps(r.type, r.props);
  const props: Props = { ...r.props };
  for (const [k, v] of Object.entries(derived)) if (v !== undefined) props[k] = v;
  return toNeo4j(props, r.owned.length > 0 ? [...r.owned, ...Object.keys(derived)] : r.owned);
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

/** Nodes of the items, one per id (a later statement of the same id adds to the props). */
export function collectNodes(items: Iterable<RowItem>): Map<NodeLabel, Map<string, NodeUpsert>> {
  const byLabel = new Map<NodeLabel, Map<string, NodeUpsert>>();
  for (const item of items) {
    for (const n of item.nodes) {
      let m = byLabel.get(n.label);
      if (!m) byLabel.set(n.label, (m = new Map()));
      const prev = m.get(n.id);
      m.set(n.id, prev ? { ...n, props: { ...prev.props, ...n.props }, owned: union(prev.owned, n.owned) } : n);
    }
  }
  return byLabel;
}

/**
 * Relationships of the items, one per (type, from, to), excerpt ids merged; a relationship also
 * stated by a link (not only by fields) does not own its excerpt ids.
 */
export function collectRels(items: Iterable<RowItem>): Map<string, Map<string, RelUpsert>> {
  const byGroup = new Map<string, Map<string, RelUpsert>>();
  for (const item of items) {
    for (const r of item.rels) {
      const group = `${r.type} ${labelForId(r.fromId)} ${labelForId(r.toId)}`;
      let m = byGroup.get(group);
      if (!m) byGroup.set(group, (m = new Map()));
      const key = `${r.fromId}\u0000${r.toId}`;
      const prev = m.get(key);
      m.set(
        key,
        prev
          ? {
              ...r,
              props: { ...prev.props, ...r.props },
              owned: union(prev.owned, r.owned),
              excerptIds: union(prev.excerptIds, r.excerptIds),
              ownsExcerpts: !!prev.ownsExcerpts && !!r.ownsExcerpts,
            }
          : r,
      );
    }
  }
  return byGroup;
}

function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export class GraphWriter {
  constructor(
    private readonly queries: IngestQueries,
    private readonly batchSize: number,
    private readonly onWritten?: (n: number) => void,
  ) {}

  async writeNodes(tx: ManagedTransaction, items: Iterable<RowItem>, counts: Counts): Promise<void> {
    const byLabel = collectNodes(items);
    for (const label of NODE_LABELS) {
      const nodes = [...(byLabel.get(label)?.values() ?? [])];
      for (const batch of batches(nodes, this.batchSize)) {
        const rows = batch.map((n) => ({ id: n.id, props: toNeo4j(n.props, n.owned) }));
        const result = await run<{ outcome: string; count: number }>(tx, this.queries.upsertNodes(label), { rows });
        for (const r of result) addCount(counts, label, r.outcome, r.count);
        this.onWritten?.(batch.length);
      }
    }
  }

  async writeRels(tx: ManagedTransaction, items: Iterable<RowItem>, counts: Counts): Promise<void> {
    const list = [...items];
    const byGroup = collectRels(list);
    for (const [group, m] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
      const [type, from, to] = group.split(' ') as [RelType, string, string];
      const query = this.queries.upsertRels(type, from as never, to as never);
      for (const batch of batches([...m.values()], this.batchSize)) {
        const rows = batch.map((r) => ({ fromId: r.fromId, toId: r.toId, props: relToNeo4j(r), excerptIds: r.excerptIds, ownsExcerpts: !!r.ownsExcerpts }));
        const result = await run<{ outcome: string; count: number }>(tx, query, { rows });
        let written = 0;
        for (const r of result) {
          addCount(counts, type, r.outcome, r.count);
          written += r.count;
        }
        if (written !== rows.length) {
          // Cannot happen after the reference check unless the graph changed meanwhile: abort the transaction.
          throw new Error(`${rows.length - written} of ${rows.length} ${type} relationships (${from} -> ${to}) were not written: an endpoint node is missing`);
        }
        this.onWritten?.(batch.length);
      }
    }
    await this.removeStale(tx, list, byGroup, counts);
  }

  /** Removes what the items' claims own but the items no longer state; each removal counts as `updated`. */
  private async removeStale(tx: ManagedTransaction, items: RowItem[], byGroup: Map<string, Map<string, RelUpsert>>, counts: Counts): Promise<void> {
    const groups = staleGroups(items, byGroup);
    for (const [group, rowsOfGroup] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const [direction, label] = group.split(' ') as ['out' | 'in', MergeLabel];
      const query = this.queries.removeStale(label, direction);
      for (const rows of batches(rowsOfGroup, this.batchSize)) {
        const result = await run<{ type: string; removed: number }>(tx, query, { rows });
        for (const r of result) addCount(counts, r.type, 'updated', Number(r.removed));
      }
    }
  }
}

export interface StaleRow {
  /** The owner node. */
  id: string;
  /** The relationship types it claims in this direction. */
  types: RelType[];
  /** `TYPE otherId` of every relationship of those types the import states for it (by any record). */
  keep: string[];
}

/**
 * The claims of the items, one row per owner node, grouped per direction and owner label (one query
 * each). Exported for unit tests.
 */
export function staleGroups(items: Iterable<RowItem>, byGroup: Map<string, Map<string, RelUpsert>>): Map<string, StaleRow[]> {
  const owners = new Map<string, StaleRow>(); // `${direction} ${id}`
  for (const item of items) {
    for (const c of item.claims ?? []) {
      const key = `${c.direction} ${c.id}`;
      let row = owners.get(key);
      if (!row) owners.set(key, (row = { id: c.id, types: [], keep: [] }));
      if (!row.types.includes(c.type)) row.types.push(c.type);
    }
  }
  if (owners.size === 0) return new Map();
  for (const m of byGroup.values()) {
    for (const r of m.values()) {
      const out = owners.get(`out ${r.fromId}`);
      if (out?.types.includes(r.type)) out.keep.push(`${r.type} ${r.toId}`);
      const into = owners.get(`in ${r.toId}`);
      if (into?.types.includes(r.type)) into.keep.push(`${r.type} ${r.fromId}`);
    }
  }
  const groups = new Map<string, StaleRow[]>();
  for (const [key, row] of owners) {
    const group = `${key.slice(0, key.indexOf(' '))} ${labelForId(row.id)}`;
    let rows = groups.get(group);
    if (!rows) groups.set(group, (rows = []));
    rows.push(row);
  }
  return groups;
}
