/**
 * Query planning at start-up: every named read query (cypher/queries/, without slots) is EXPLAINed
 * once, so Neo4j parses and plans it before the first user request needs it (composed queries such
 * as trade-flow/page take seconds to plan on a busy machine; a request should not pay for that).
 *
 * Neo4j caches a plan by query text and parameter types, so each EXPLAIN passes parameters of the
 * types a first request sends (`SAMPLE`, by parameter name; any other parameter is null).
 */
import neo4j from 'neo4j-driver';
import type { Database, Params } from './database';
import type { QueryCatalog } from './queries';
import { stripComments } from './query-parts';

const FLOW_FILTER_KEYS = ['trader', 'directions', 'product', 'hsPrefix', 'from', 'to', 'via', 'reporter', 'yearFrom', 'yearTo'];
const LOOK_KEYS = ['trader', 'product', 'from', 'to', 'reportedBy', 'via', 'provenance'];

const SAMPLE: Readonly<Params> = {
  ids: [''],
  limit: neo4j.int(11),
  desc: false,
  withCount: false,
  sort: 'NAME',
  groupBy: 'PRODUCT',
  filter: Object.fromEntries(FLOW_FILTER_KEYS.map((k) => [k, null])),
  look: Object.fromEntries(LOOK_KEYS.map((k) => [k, false])),
};

/** The parameter names a query text uses ($name, comment lines excluded). */
export function parameterNames(text: string): string[] {
  return [...new Set([...stripComments(text).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
}

/** The named read queries planned at start-up: cypher/queries/ (not the parts), without slots. */
export function plannedQueries(catalog: QueryCatalog): string[] {
  return catalog.names().filter((n) => !/^(ingest|aggregates|parts)\//.test(n) && catalog.slotsOf(n).length === 0);
}

/** EXPLAINs each planned query once; returns how many and how long it took. A failure is reported, not thrown. */
export async function planNamedQueries(db: Database, catalog: QueryCatalog): Promise<{ planned: number; failed: string[]; ms: number }> {
  const began = Date.now();
  const failed: string[] = [];
  const names = plannedQueries(catalog);
  for (const name of names) {
    const text = catalog.get(name);
    const params = Object.fromEntries(parameterNames(text).map((p) => [p, SAMPLE[p] ?? null]));
    try {
      await db.read(`EXPLAIN ${text}`, params);
    } catch {
      failed.push(name);
    }
  }
  return { planned: names.length - failed.length, failed, ms: Date.now() - began };
}
