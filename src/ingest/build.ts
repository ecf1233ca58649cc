/** Small constructors for upserts, so readers read as a list of facts rather than object plumbing. */
import type { NodeLabel, RelType } from './model';
import type { NodeUpsert, PropValue, Props, RelUpsert, RowItem } from './types';

/** Drops undefined values (a missing property is never written as null, which would delete it). */
export function props(p: Record<string, PropValue | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

export function node(label: NodeLabel, id: string, p: Record<string, PropValue | undefined>): NodeUpsert {
  return { label, id, props: props(p) };
}

export function rel(type: RelType, fromId: string, toId: string, excerptIds: string[] = [], p: Record<string, PropValue | undefined> = {}): RelUpsert {
  return { type, fromId, toId, excerptIds: [...excerptIds], props: props(p) };
}

/** One relationship per target, all citing the same excerpts. */
export function rels(type: RelType, fromId: string, toIds: string[] | undefined, excerptIds: string[], p: Record<string, PropValue | undefined> = {}): RelUpsert[] {
  return (toIds ?? []).map((to) => rel(type, fromId, to, excerptIds, p));
}

/** Provenance edges from a fact or entity to each excerpt that states it. */
export function statedIn(id: string, excerptIds: string[]): RelUpsert[] {
  return [...new Set(excerptIds)].map((e) => rel('STATED_IN', id, e));
}

export function emptyItem(file: string, line: number): RowItem {
  return { file, line, nodes: [], rels: [], errors: [] };
}
