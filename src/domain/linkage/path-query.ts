/**
 * Renders the path query template (cypher/queries/linkage/paths.cypher) for a SHORTEST count and a
 * hop bound. Cypher cannot take either as a parameter, so they are written into the text, but only
 * as integers checked here against fixed ranges: no client text ever reaches the query. Rendered
 * variants are cached per catalog (at most PATH_MAX_HOPS x maxPageSize small strings).
 */
import type { QueryCatalog } from '../../neo4j/queries';
import { PATH_MAX_HOPS } from './limits';

const TEMPLATE = 'linkage/paths';
const MAX_K = 10_000;
const rendered = new WeakMap<QueryCatalog, Map<string, string>>();

export function renderPathQuery(template: string, k: number, maxHops: number): string {
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new RangeError(`path count must be an integer 1..${MAX_K}; got ${k}`);
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > PATH_MAX_HOPS) {
    throw new RangeError(`hop bound must be an integer 1..${PATH_MAX_HOPS}; got ${maxHops}`);
  }
  if (!template.includes('__K__') || !template.includes('__MAX_HOPS__')) throw new Error(`${TEMPLATE} lacks its __K__ / __MAX_HOPS__ placeholders`);
  return template.replaceAll('__K__', String(k)).replaceAll('__MAX_HOPS__', String(maxHops));
}

export function pathQuery(queries: QueryCatalog, k: number, maxHops: number): string {
  let cache = rendered.get(queries);
  if (!cache) rendered.set(queries, (cache = new Map()));
  const id = `${k}/${maxHops}`;
  let text = cache.get(id);
  if (text === undefined) {
    text = renderPathQuery(queries.get(TEMPLATE), k, maxHops);
    cache.set(id, text);
  }
  return text;
}
