/**
 * The state of entities as curation compares it (cypher/curation/snapshot.cypher): labels,
 * properties and the relationships a record's fields and provenance state. A change set remembers
 * a digest of each state it was proposed against (optimistic versioning: approval is refused when
 * one moved), and an applied change is recorded as the difference between two states.
 */
import crypto from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../../neo4j/database';
import type { QueryCatalog } from '../../neo4j/queries';
import { plainProps } from '../shared/to-value';

export interface RelState {
  type: string;
  dir: 'out' | 'in';
  other: string;
  props: Record<string, unknown>;
}

export interface EntityState {
  id: string;
  /** Empty: the entity does not exist. */
  labels: string[];
  props: Record<string, unknown>;
  rels: RelState[];
}

export type Read = <R>(cypher: string, params: Record<string, unknown>) => Promise<R[]>;

/** Reads within a transaction (approval) or on its own (proposal). */
export function txRead(tx: ManagedTransaction): Read {
  return (cypher, params) => run(tx, cypher, params) as never;
}

export async function snapshot(read: Read, queries: QueryCatalog, ids: string[]): Promise<Map<string, EntityState>> {
  const rows = await read<{ id: string; labels: string[]; props: Record<string, unknown>; rels: RelState[] }>(queries.get('curation/snapshot'), { ids });
  const out = new Map<string, EntityState>();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      labels: [...r.labels].sort(),
      props: sortKeys(plainProps(r.props)),
      rels: r.rels.map((x) => ({ ...x, props: sortKeys(plainProps(x.props)) })).sort((a, b) => relKey(a).localeCompare(relKey(b))),
    });
  }
  return out;
}

/** A digest of one state: equal digests, equal states. */
export function digest(s: EntityState | undefined): string {
  if (!s || s.labels.length === 0) return 'absent';
  return crypto.createHash('sha256').update(JSON.stringify([s.labels, s.props, s.rels])).digest('hex').slice(0, 32);
}

export function digests(states: Map<string, EntityState>): Record<string, string> {
  return Object.fromEntries([...states].map(([id, s]) => [id, digest(s)]));
}

export const relKey = (r: Pick<RelState, 'type' | 'dir' | 'other'>): string => `${r.type} ${r.dir} ${r.other}`;

/** What changed for one entity: properties before/after (changed ones only), relationships added/removed. */
export interface EntityDiff {
  entity: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  relsAdded: RelState[];
  relsRemoved: RelState[];
}

/**
 * The difference between two states of one entity, or undefined when they are the same. Labels
 * are listed as the property `labels` when they changed (a retraction, a creation). A relationship
 * whose properties changed counts as removed (as it was) and added (as it is).
 */
export function diff(before: EntityState | undefined, after: EntityState | undefined, entity: string): EntityDiff | undefined {
  if (digest(before) === digest(after)) return undefined;
  const b = before ?? { id: entity, labels: [], props: {}, rels: [] };
  const a = after ?? { id: entity, labels: [], props: {}, rels: [] };
  const out: EntityDiff = { entity, before: {}, after: {}, relsAdded: [], relsRemoved: [] };
  if (b.labels.join(':') !== a.labels.join(':')) {
    out.before.labels = b.labels;
    out.after.labels = a.labels;
  }
  for (const k of new Set([...Object.keys(b.props), ...Object.keys(a.props)])) {
    if (JSON.stringify(b.props[k]) === JSON.stringify(a.props[k])) continue;
    if (k in b.props) out.before[k] = b.props[k];
    if (k in a.props) out.after[k] = a.props[k];
  }
  const same = (x: RelState, y: RelState) => relKey(x) === relKey(y) && JSON.stringify(x.props) === JSON.stringify(y.props);
  out.relsRemoved = b.rels.filter((r) => !a.rels.some((x) => same(r, x)));
  out.relsAdded = a.rels.filter((r) => !b.rels.some((x) => same(r, x)));
  return out;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
