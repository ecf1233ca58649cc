/**
 * Composes the trade aggregate queries from their fragments: a line of a query file that is exactly
 * __FILTERED_FLOWS__ or __DIMENSION__ is replaced by the shared flow filter or grouping
 * (cypher/queries/analytics/parts/); the same words inside comments are left alone,
 * so every aggregate filters and groups flows the same way. Fragments are fixed files: nothing
 * from a request is written into the text. Composed once per catalog.
 */
import type { QueryCatalog } from '../../neo4j/queries';

const FRAGMENTS: Record<string, string> = {
  __FILTERED_FLOWS__: 'analytics/parts/filtered-flows',
  __DIMENSION__: 'analytics/parts/flow-dimension',
};

const composed = new WeakMap<QueryCatalog, Map<string, string>>();

export function composeQuery(queries: QueryCatalog, name: string): string {
  let cache = composed.get(queries);
  if (!cache) composed.set(queries, (cache = new Map()));
  let text = cache.get(name);
  if (text === undefined) {
    text = queries.get(name);
    for (const [placeholder, fragment] of Object.entries(FRAGMENTS)) {
      const body = queries.get(fragment);
      text = text.replace(new RegExp(`^${placeholder}$`, 'gm'), () => body);
    }
    cache.set(name, text);
  }
  return text;
}
