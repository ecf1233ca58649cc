/**
 * Query planning at start-up: the variants users are likely to run first are EXPLAINed once, so
 * Neo4j parses and plans them before the first user request needs them; everything else is planned
 * on first use (a variant is small: its guards leave out what a request does not use, queries.ts).
 *
 * What is planned (`startupVariants`):
 * - the variants the example operations (operations/*.graphql) run, with the parameters they run
 *   with: `startup-plans.json`, recorded by test/integration/plans.test.ts on the seeded graph
 *   (which fails when the operations run a variant the file lacks; UPDATE_STARTUP_PLANS=1 rewrites it);
 * - the root lists and lookups (`* /page`, `* /by-ids`) and the aggregates (`analytics/*`) in their
 *   unfiltered variant: the parameters a first request sends (`SAMPLE`, by parameter name; any
 *   other parameter is null).
 * Neo4j caches a plan by query text and parameter types, so each EXPLAIN passes parameters of the
 * types a request sends.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { isInt } from 'neo4j-driver';
import { PROJECT_ROOT } from '../paths';
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
  withNode: false,
  // A map, as requests send (per node type the properties they read: domain/shared/selected-properties.ts).
  fields: {},
  sort: 'NAME',
  groupBy: 'PRODUCT',
  filter: Object.fromEntries(FLOW_FILTER_KEYS.map((k) => [k, null])),
  look: Object.fromEntries(LOOK_KEYS.map((k) => [k, false])),
};

/** Sorts a page query of this name is first asked for (its default), where SAMPLE's NAME is not one of its sorts. */
const DEFAULT_SORT: Readonly<Record<string, string>> = { 'fact/page': 'KEY', 'figure/page': 'KEY', 'trade-flow/page': 'PERIOD', 'source/page': 'KEY' };

/** The recorded variants of the example operations (see the header). */
export const STARTUP_PLANS_FILE = path.join(PROJECT_ROOT, 'src', 'neo4j', 'startup-plans.json');

export interface PlannedVariant {
  query: string;
  params: Params;
}

/** The parameter names a query text uses ($name, comment lines excluded). */
export function parameterNames(text: string): string[] {
  return [...new Set([...stripComments(text).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
}

/** The named read queries that may be planned: cypher/queries/ (not the parts), without slots. */
export function plannedQueries(catalog: QueryCatalog): string[] {
  return catalog.names().filter((n) => !/^(ingest|aggregates|parts)\//.test(n) && catalog.slotsOf(n).length === 0);
}

/** The parameters a first request of `name` sends, unfiltered. */
export function sampleParams(catalog: QueryCatalog, name: string): Params {
  const params = Object.fromEntries(parameterNames(catalog.get(name)).map((p) => [p, SAMPLE[p] ?? null]));
  if ('sort' in params && DEFAULT_SORT[name]) params.sort = DEFAULT_SORT[name];
  return params;
}

/** JSON for recorded parameters: a neo4j Integer as {"$int": "11"} (its type is part of the plan's key). */
export function encodeParams(params: Params): unknown {
  return JSON.parse(JSON.stringify(params, (_k, v: unknown) => (isInt(v) ? { $int: v.toString() } : v)));
}

export function decodeParams(json: unknown): Params {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Object.keys(o).length === 1 && typeof o.$int === 'string') return neo4j.int(o.$int);
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(json) as Params;
}

/** The example operations' recorded variants (none when the file is missing). */
export function recordedVariants(file: string = STARTUP_PLANS_FILE): PlannedVariant[] {
  if (!fs.existsSync(file)) return [];
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as { query: string; params: unknown }[];
  return list.map((v) => ({ query: v.query, params: decodeParams(v.params) }));
}

/** What is planned at start-up, each distinct text once (recorded operations first: they are what the first users run). */
export function startupVariants(catalog: QueryCatalog, recorded: PlannedVariant[] = recordedVariants()): { name: string; text: string; params: Params }[] {
  const known = new Set(plannedQueries(catalog));
  const roots = [...known].filter((n) => /\/(page|by-ids)$/.test(n) || n.startsWith('analytics/'));
  const wanted = [...recorded.filter((v) => known.has(v.query)), ...roots.map((n) => ({ query: n, params: sampleParams(catalog, n) }))];
  const out = new Map<string, { name: string; text: string; params: Params }>();
  for (const v of wanted) {
    const text = catalog.variant(v.query, v.params);
    if (!out.has(text)) out.set(text, { name: v.query, text, params: Object.fromEntries(parameterNames(text).map((p) => [p, v.params[p] ?? null])) });
  }
  return [...out.values()];
}

/**
 * EXPLAINs each start-up variant once; returns how many, how long it took, and what failed. A failure
 * is reported, not thrown. Stops when the database goes down: the plans were lost with the server, and
 * a restarted one is warmed by what requests really ran (recent-reads.ts), in the warm-up's turns;
 * planning on beside them only took the CPU the restart's first requests need (measured: the faults
 * bench's kill -9 came while this was still running, and it went on through the restart).
 */
export async function planNamedQueries(
  db: Database,
  catalog: QueryCatalog,
  variants = startupVariants(catalog),
): Promise<{ planned: number; failed: string[]; skipped: number; ms: number }> {
  const began = Date.now();
  const outages = db.availability.outages;
  const failed: string[] = [];
  let tried = 0;
  for (const v of variants) {
    if (db.availability.down || db.availability.outages !== outages) break;
    tried += 1;
    try {
      await db.read(`EXPLAIN ${v.text}`, v.params);
    } catch {
      failed.push(v.name);
    }
  }
  return { planned: tried - failed.length, failed, skipped: variants.length - tried, ms: Date.now() - began };
}
