/**
 * Look-ahead: the query that loads parents also fetches the single-valued neighbours and the
 * provenance the selection asks for under them, and primes the per-field loaders with them, so the
 * field resolvers find them loaded and a level of the request costs one round trip, not one per field.
 *
 * A `Neighbours` table names, per field of the parent type, the relationship query whose loader the
 * field resolves through (`trader` -> 'trade-flow/trader'). The parent's query gets `$look` (one
 * boolean per table entry: selected or not) and returns, per parent, `near`: a map with one list per
 * entry (nodes, or maps of columns), computed only where `$look` says so (parts/flow-neighbours).
 * Only selected entries are primed: an unselected one's list is empty, not the truth.
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { isNode } from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { relationLoader } from '../../graphql/loaders';

/** One table entry: the GraphQL fields that read it and the relationship query whose loader it primes. */
export interface Neighbour {
  fields: readonly string[];
  query: string;
}

export type Neighbours = Readonly<Record<string, Neighbour>>;

/** Provenance (`excerpts`, `sources`), loaded together for any parent: excerpts with their sources. */
export const PROVENANCE_QUERY = 'provenance/statements';
export const PROVENANCE: Neighbours = { provenance: { fields: ['excerpts', 'sources'], query: PROVENANCE_QUERY } };

export type Look = Record<string, boolean>;
export type Near = Record<string, unknown[]>;

/**
 * `$look` for the objects a field returns: `shape` 'object' (a lookup: the field's own selection)
 * or 'connection' (its `nodes` and `edges { node }`).
 */
export function lookAhead(info: GraphQLResolveInfo, table: Neighbours, shape: 'object' | 'connection'): Look {
  let sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => s !== undefined);
  if (shape === 'connection') sets = [...subSets(info, sets, 'nodes'), ...subSets(info, subSets(info, sets, 'edges'), 'node')];
  const names = new Set<string>();
  for (const set of sets) for (const f of fieldsOf(info, set, new Set())) names.add(f.name.value);
  return Object.fromEntries(Object.entries(table).map(([k, n]) => [k, n.fields.some((f) => names.has(f))]));
}

/** Whether the field's selection asks for the sub-field at `path` (e.g. ['exporters', 'node']), through fragments. */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => s !== undefined);
  for (const [i, name] of path.entries()) {
    const fields = sets.flatMap((s) => fieldsOf(info, s, new Set()).filter((f) => f.name.value === name));
    if (i === path.length - 1) return fields.length > 0;
    sets = fields.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => s !== undefined);
  }
  return false;
}

/** Primes the loaders of the selected entries with one parent's `near` lists. */
export function primeNear(ctx: RequestContext, table: Neighbours, look: Look, parentId: string, near: Near | null | undefined): void {
  if (!near) return;
  for (const [k, n] of Object.entries(table)) {
    if (!look[k]) continue;
    const rows = (near[k] ?? []).map((v) => (isNode(v) || Array.isArray(v) || v === null || typeof v !== 'object' ? { parentId, node: v } : { parentId, ...(v as object) }));
    relationLoader(ctx, n.query).prime(parentId, rows);
  }
}

/** The fields of a selection set, through fragments and inline fragments. */
function fieldsOf(info: GraphQLResolveInfo, set: SelectionSetNode, seen: Set<string>): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set.selections) {
    if (sel.kind === 'Field') out.push(sel);
    else if (sel.kind === 'InlineFragment') out.push(...fieldsOf(info, sel.selectionSet, seen));
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const fragment = info.fragments[sel.name.value];
      if (fragment) out.push(...fieldsOf(info, fragment.selectionSet, seen));
    }
  }
  return out;
}

function subSets(info: GraphQLResolveInfo, sets: SelectionSetNode[], name: string): SelectionSetNode[] {
  return sets.flatMap((s) => fieldsOf(info, s, new Set()).filter((f) => f.name.value === name && f.selectionSet).map((f) => f.selectionSet!));
}
