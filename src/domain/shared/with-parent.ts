/**
 * A lookup with its first nested page in one query: when the selection of a lookup by key
 * (`product(id)`, `company(id)`) asks for a nested page that depends only on the parent's key
 * (`tradeFlows(first: 10)`), the page's own query runs with `$withParent` and returns the parent's
 * node beside the page, instead of the lookup's query (node/by-ids) and then the page's. The
 * page's loader is primed with the row, under the arguments its field resolver computes, so the
 * field resolves as it would have (its look-ahead included); only the round trip is saved.
 *
 * A type's resolver names such fields with `pageWithParent(type, field, request)`: `request` gives
 * the page's query and loader arguments for the field's arguments and resolve info (the same
 * function its field resolver uses). The lookup folds in at most one such field (the first of the
 * selection); one with directives (`@include`, `@skip`) is left to its resolver. Answers do not
 * depend on it: a primed row is the row of exactly the arguments the loader is keyed by, and a
 * field whose arguments come out different at resolution misses the cache and runs its query.
 */
import {
  FieldNode,
  getArgumentValues,
  getNamedType,
  GraphQLResolveInfo,
  isObjectType,
  SelectionSetNode,
} from 'graphql';
import type { Node as Neo4jNode } from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { loadNode } from './load';
import { loadRelationRow, relationLoader } from '../../graphql/loaders';
import type { NestedPageRequest } from './page';
import { EntityValue, toValue } from './to-value';

export type PageRequestOf = (ctx: RequestContext, info: GraphQLResolveInfo, args: Record<string, unknown>, key: string) => NestedPageRequest;

const PAGES = new Map<string, Map<string, PageRequestOf>>();

/** Registers `type.field` as a nested page a lookup of `type` may load with the parent. */
export function pageWithParent(type: string, field: string, request: PageRequestOf): void {
  let fields = PAGES.get(type);
  if (!fields) PAGES.set(type, (fields = new Map()));
  fields.set(field, request);
}

/**
 * The entity with graph id `key` if it is a `type` (else null), as node/by-ids finds it; with the
 * first registered nested page its selection asks for loaded in the same query.
 */
export async function lookupWithPage(ctx: RequestContext, info: GraphQLResolveInfo | undefined, key: string, type: string): Promise<EntityValue | null> {
  const folded = info ? foldable(ctx, info, key, type) : undefined;
  let value: EntityValue | null;
  if (!folded) value = await loadNode(ctx, 'node/by-ids', key);
  else {
    // Batched like any loader: lookups of several parents with the same page arguments are one query.
    const row = await loadRelationRow<{ parentId: string; parent: Neo4jNode | null }>(ctx, folded.query, key, { ...folded.args, withParent: true });
    if (row) {
      const { parent, ...pageRow } = row;
      relationLoader(ctx, folded.query, folded.args).prime(key, [pageRow]);
      value = parent ? toValue(parent) : null;
    } else value = null;
  }
  return value && value.__typename === type ? value : null;
}

/** The page request of the first registered field the lookup's selection asks for, or undefined. */
function foldable(ctx: RequestContext, info: GraphQLResolveInfo, key: string, type: string): NestedPageRequest | undefined {
  const fields = PAGES.get(type);
  const objectType = getNamedType(info.returnType);
  if (!fields || !isObjectType(objectType) || objectType.name !== type) return undefined;
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const node of info.fieldNodes) if (node.selectionSet) collect(info, node.selectionSet, byResponseKey, new Set());
  for (const nodes of byResponseKey.values()) {
    const first = nodes[0]!;
    const request = fields.get(first.name.value);
    const def = objectType.getFields()[first.name.value];
    if (!request || !def || nodes.some((n) => n === DIRECTED || (n.directives?.length ?? 0) > 0)) continue;
    try {
      const args = getArgumentValues(def, first, info.variableValues);
      return request(ctx, { ...info, fieldName: first.name.value, fieldNodes: nodes, returnType: def.type, parentType: objectType }, args, key);
    } catch {
      // Bad arguments: the field's own resolver reports them, where they were given.
      return undefined;
    }
  }
  return undefined;
}

/** Marks a response key reached through a fragment with directives (never folded). */
const DIRECTED = { kind: 'Field', name: { kind: 'Name', value: '' } } as FieldNode;

/** The fields of a selection set by response key, through fragments (the fields graphql-js merges). */
function collect(info: GraphQLResolveInfo, set: SelectionSetNode, out: Map<string, FieldNode[]>, seen: Set<string>, directed = false): void {
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      const k = sel.alias?.value ?? sel.name.value;
      const list = out.get(k) ?? [];
      list.push(sel);
      if (directed) list.push(DIRECTED);
      out.set(k, list);
    } else {
      const d = directed || (sel.directives?.length ?? 0) > 0;
      if (sel.kind === 'InlineFragment') collect(info, sel.selectionSet, out, seen, d);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = info.fragments[sel.name.value];
        if (fragment) collect(info, fragment.selectionSet, out, seen, d);
      }
    }
  }
}
