/**
 * Whether a field's selection set asks for a sub-field (through fragments too), so a resolver can
 * skip work nobody asked for (e.g. counting for `totalCount`).
 */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

export function selects(info: GraphQLResolveInfo, fieldName: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && inSet(node.selectionSet, fieldName, info, new Set()));
}

function inSet(set: SelectionSetNode, name: string, info: GraphQLResolveInfo, seen: Set<string>): boolean {
  for (const sel of set.selections) {
    if (sel.kind === 'Field' && sel.name.value === name) return true;
    if (sel.kind === 'InlineFragment' && inSet(sel.selectionSet, name, info, seen)) return true;
    if (sel.kind === 'FragmentSpread' && !seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const fragment = info.fragments[sel.name.value];
      if (fragment && inSet(fragment.selectionSet, name, info, seen)) return true;
    }
  }
  return false;
}
