/**
 * Named queries with their shared parts written in. A line of a query file that is exactly
 * `__SOME_PART__` is replaced by the fragment cypher/queries/parts/some-part.cypher (which may name
 * parts in turn), so every query that filters, groups or summarizes trade flows does it the same
 * way (parts/trade-flows, parts/flow-dimension, parts/trade-summary). The same words inside a
 * comment or a longer line are left alone. Parts are fixed files: nothing from a request is written
 * into a query's text. Composed once per catalog and query name.
 */
import type { QueryCatalog } from '../neo4j/queries';

const PART_LINE = /^[ \t]*__([A-Z][A-Z0-9_]*)__[ \t]*$/gm;
/** Parts naming parts deeper than this are a cycle. */
const MAX_DEPTH = 4;

const composed = new WeakMap<QueryCatalog, Map<string, string>>();

/** `__TRADE_FLOWS__` -> `parts/trade-flows`. */
export function partName(placeholder: string): string {
  return `parts/${placeholder.toLowerCase().replace(/_/g, '-')}`;
}

export function composeText(queries: QueryCatalog, text: string, depth = 0): string {
  return text.replace(PART_LINE, (_line, placeholder: string) => {
    if (depth >= MAX_DEPTH) throw new Error(`Query parts nested deeper than ${MAX_DEPTH} at __${placeholder}__ (a cycle?)`);
    return composeText(queries, queries.get(partName(placeholder)).trimEnd(), depth + 1);
  });
}

/** The text of named query `name` with its parts written in. */
export function composedQuery(queries: QueryCatalog, name: string): string {
  let cache = composed.get(queries);
  if (!cache) composed.set(queries, (cache = new Map()));
  let text = cache.get(name);
  if (text === undefined) {
    text = composeText(queries, queries.get(name));
    cache.set(name, text);
  }
  return text;
}
