/**
 * Renders the path query templates (cypher/queries/linkage/paths.cypher, shortest-paths.cypher)
 * for a hop bound and, for `paths`, a SHORTEST count. Cypher cannot take either as a parameter,
 * so they are written into the text, but only as integers checked here against fixed ranges: no
 * client text ever reaches the query. Rendered variants are cached per catalog (a few hundred
 * short strings at most).
 */
import type { QueryCatalog } from '../../neo4j/queries';
import { PATH_MAX_HOPS } from './limits';

const MAX_K = 10_000;
const rendered = new WeakMap<QueryCatalog, Map<string, string>>();

function checked(name: string, value: number, max: number): string {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer 1..${max}; got ${value}`);
  return String(value);
}

export interface PathBounds {
  maxHops: number;
  /** The SHORTEST count (templates with __K__ only). */
  k?: number;
}

export function renderPathQuery(template: string, bounds: PathBounds): string {
  if (!template.includes('__MAX_HOPS__')) throw new Error('path query template lacks its __MAX_HOPS__ placeholder');
  let text = template.replaceAll('__MAX_HOPS__', checked('hop bound', bounds.maxHops, PATH_MAX_HOPS));
  if (template.includes('__K__')) {
    if (bounds.k === undefined) throw new Error('path query template needs a SHORTEST count');
    text = text.replaceAll('__K__', checked('path count', bounds.k, MAX_K));
  }
  return text;
}

export function pathQuery(queries: QueryCatalog, name: 'linkage/paths' | 'linkage/shortest-paths', bounds: PathBounds): string {
  let cache = rendered.get(queries);
  if (!cache) rendered.set(queries, (cache = new Map()));
  const id = `${name}/${bounds.maxHops}/${bounds.k ?? ''}`;
  let text = cache.get(id);
  if (text === undefined) {
    text = renderPathQuery(queries.get(name), bounds);
    cache.set(id, text);
  }
  return text;
}
