/**
 * Writes upserts with batched `UNWIND $rows ... MERGE` queries: nodes before relationships, one
 * query per (label) or (type, from label, to label) and batch, inside the transaction it is given,
 * and counts what each row did (created / updated / unchanged) per label and relationship type.
 */
import neo4j, { ManagedTransaction } from 'neo4j-driver';
import { run } from '../neo4j/database';
import { INTEGER_PROPS, NODE_LABELS, NodeLabel, RelType, labelForId } from './model';
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

/** Years, levels and row numbers are integers in the graph, not the floats JS numbers become. */
function toNeo4j(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = INTEGER_PROPS.has(k) && typeof v === 'number' ? neo4j.int(v) : v;
  return out;
}

/** Nodes of the items, one per id (a later statement of the same id adds to the props). */
export function collectNodes(items: Iterable<RowItem>): Map<NodeLabel, Map<string, NodeUpsert>> {
  const byLabel = new Map<NodeLabel, Map<string, NodeUpsert>>();
  for (const item of items) {
    for (const n of item.nodes) {
      let m = byLabel.get(n.label);
      if (!m) byLabel.set(n.label, (m = new Map()));
      const prev = m.get(n.id);
      m.set(n.id, prev ? { ...n, props: { ...prev.props, ...n.props } } : n);
    }
  }
  return byLabel;
}

/** Relationships of the items, one per (type, from, to), excerpt ids merged. */
export function collectRels(items: Iterable<RowItem>): Map<string, Map<string, RelUpsert>> {
  const byGroup = new Map<string, Map<string, RelUpsert>>();
  for (const item of items) {
    for (const r of item.rels) {
      const group = `${r.type} ${labelForId(r.fromId)} ${labelForId(r.toId)}`;
      let m = byGroup.get(group);
      if (!m) byGroup.set(group, (m = new Map()));
      const key = `${r.fromId}\u0000${r.toId}`;
      const prev = m.get(key);
      m.set(key, prev ? { ...r, props: { ...prev.props, ...r.props }, excerptIds: [...new Set([...prev.excerptIds, ...r.excerptIds])] } : r);
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
        const rows = batch.map((n) => ({ id: n.id, props: toNeo4j(n.props) }));
        const result = await run<{ outcome: string; count: number }>(tx, this.queries.upsertNodes(label), { rows });
        for (const r of result) addCount(counts, label, r.outcome, r.count);
        this.onWritten?.(batch.length);
      }
    }
  }

  async writeRels(tx: ManagedTransaction, items: Iterable<RowItem>, counts: Counts): Promise<void> {
    const byGroup = collectRels(items);
    for (const [group, m] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
      const [type, from, to] = group.split(' ') as [RelType, string, string];
      const query = this.queries.upsertRels(type, from as never, to as never);
      for (const batch of batches([...m.values()], this.batchSize)) {
        const rows = batch.map((r) => ({ fromId: r.fromId, toId: r.toId, props: toNeo4j(r.props), excerptIds: r.excerptIds }));
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
  }
}
