/** Small constructors for upserts, so readers read as a list of facts rather than object plumbing. */
import type { NodeLabel, RelType } from './model';
import type { NodeUpsert, PropValue, Props, RelUpsert, RowItem } from './types';

/** Drops undefined values (a missing property is never written as null here; the writer removes owned ones). */
export function props(p: Record<string, PropValue | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * A node upsert. Every key of `p`, given or undefined, is a property the statement owns: callers
 * list all the properties their record type can carry, so a property a later version of the record
 * drops is removed, while properties other imports add (Comtrade's `sourceRow`) are left alone.
 */
export function node(label: NodeLabel, id: string, p: Record<string, PropValue | undefined>): NodeUpsert {
  return { label, id, props: props(p), owned: Object.keys(p) };
}

/** A relationship upsert; like `node`, the keys of `p` are the relationship properties it owns. */
export function rel(type: RelType, fromId: string, toId: string, excerptIds: string[] = [], p: Record<string, PropValue | undefined> = {}): RelUpsert {
  return { type, fromId, toId, excerptIds: [...excerptIds], props: props(p), owned: Object.keys(p) };
}

/** One relationship per target, all citing the same excerpts. */
export function rels(type: RelType, fromId: string, toIds: string[] | undefined, excerptIds: string[], p: Record<string, PropValue | undefined> = {}): RelUpsert[] {
  return (toIds ?? []).map((to) => rel(type, fromId, to, excerptIds, p));
}

/** Provenance edges from a fact or entity to each excerpt that states it. */
export function statedIn(id: string, excerptIds: string[]): RelUpsert[] {
  return [...new Set(excerptIds)].map((e) => rel('STATED_IN', id, e));
}

/**
 * Relationships a record states through one of its fields (a region's `partOf`, a product's
 * `classifiedAs`): the record owns every `type` relationship from `fromId`, so targets it no longer
 * names are removed (a moved `partOf`), and its excerpts replace the relationships' `excerptIds`.
 * Added to `item`, with the claim, even when the field is empty (then all of them go).
 */
export function fieldRels(item: RowItem, type: RelType, fromId: string, toIds: string[] | undefined, excerptIds: string[], p: Record<string, PropValue | undefined> = {}): void {
  (item.claims ??= []).push({ type, id: fromId, direction: 'out' });
  for (const r of rels(type, fromId, toIds, excerptIds, p)) item.rels.push({ ...r, ownsExcerpts: true });
}

/** As `fieldRels`, for a field naming the other ends of incoming relationships (a facility's `operators`). */
export function fieldRelsIn(item: RowItem, type: RelType, toId: string, fromIds: string[] | undefined, excerptIds: string[]): void {
  (item.claims ??= []).push({ type, id: toId, direction: 'in' });
  for (const from of fromIds ?? []) item.rels.push({ ...rel(type, from, toId, excerptIds), ownsExcerpts: true });
}

/** A record's provenance: STATED_IN each of its excerpts, and no other (a dropped excerpt's edge goes). */
export function provenance(item: RowItem, id: string, excerptIds: string[]): void {
  (item.claims ??= []).push({ type: 'STATED_IN', id, direction: 'out' });
  item.rels.push(...statedIn(id, excerptIds));
}

export function emptyItem(file: string, line: number): RowItem {
  return { file, line, nodes: [], rels: [], errors: [] };
}
